import core.uploads
import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    dependencies = [('indicators', '0001_squashed'), ('regions', '0001_squashed'), ('workgroups', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Policy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('kind', models.CharField(choices=[('perda', 'Perda (regional regulation)'), ('pergub', 'Pergub (governor regulation)'), ('perbup_perwali', 'Perbup/Perwali (regent/mayor regulation)'), ('head_decree', 'SK Kepala Daerah (decree of the regional head)'), ('circular', 'Surat Edaran (circular)'), ('rpjmd', 'RPJMD (medium-term development plan)'), ('rkpd', 'RKPD (annual government work plan)'), ('renstra_opd', 'Renstra OPD (office strategic plan)'), ('gdpk', 'GDPK (Grand Design Pembangunan Kependudukan)'), ('other', 'Other')], max_length=20, verbose_name='type')),
                ('number', models.CharField(blank=True, help_text='As written on the document, e.g. 45 Tahun 2022. Empty while drafting.', max_length=100, verbose_name='number')),
                ('title', models.CharField(max_length=300, verbose_name='title (tentang)')),
                ('issued_on', models.DateField(blank=True, null=True, verbose_name='date enacted')),
                ('status', models.CharField(choices=[('drafting', 'Being drafted'), ('enacted', 'Enacted'), ('revoked', 'Revoked')], default='drafting', max_length=10, verbose_name='status')),
                ('period_start', models.PositiveSmallIntegerField(blank=True, help_text='For planning documents: the first year they cover (e.g. 2025 for RPJMD 2025–2029).', null=True, validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='period from (year)')),
                ('period_end', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='period to (year)')),
                ('summary', models.TextField(blank=True, verbose_name='summary')),
                ('file', models.FileField(blank=True, upload_to=core.uploads.UploadTo('policies', 'pdf'), verbose_name='document (PDF)')),
                ('original_filename', models.CharField(blank=True, max_length=200)),
                ('is_demo', models.BooleanField(default=False, verbose_name='demo data')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicators', models.ManyToManyField(blank=True, help_text='For planning documents: the Bangga Kencana indicators the document includes.', related_name='policies', to='indicators.indicator', verbose_name='integrated indicators')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='policies', to='regions.region', verbose_name='region')),
                ('subgroup', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='policies', to='workgroups.subgroup', verbose_name='related sub-group')),
            ],
            options={
                'verbose_name': 'policy',
                'verbose_name_plural': 'policies',
                'ordering': ['-issued_on', 'title', 'pk'],
                'indexes': [models.Index(fields=['kind', 'status', 'region'], name='policy_kind_status_region')],
                'constraints': [models.CheckConstraint(condition=models.Q(('status', 'drafting'), ('issued_on__isnull', False), _connector='OR'), name='policy_enacted_has_date', violation_error_message='An enacted or revoked policy needs its date of enactment.'), models.CheckConstraint(condition=models.Q(('period_start__isnull', True), ('period_end__isnull', True), ('period_end__gte', models.F('period_start')), _connector='OR'), name='policy_period_ordered', violation_error_message='The period cannot end before it starts.')],
            },
        ),
    ]
