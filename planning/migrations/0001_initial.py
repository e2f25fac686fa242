import core.uploads
import django.core.validators
import django.db.models.deletion
import planning.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    dependencies = [('indicators', '0001_squashed'), ('workgroups', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='WorkPlan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('approved', 'Approved')], default='draft', max_length=10, verbose_name='status')),
                ('approved_on', models.DateField(blank=True, null=True, verbose_name='approval date')),
                ('approver_name', models.CharField(blank=True, max_length=150, verbose_name='approved by (name)')),
                ('approver_position', models.CharField(blank=True, max_length=200, verbose_name="approver's position")),
                ('approval_recorded_at', models.DateTimeField(blank=True, null=True, verbose_name='approval recorded at')),
                ('document', models.FileField(blank=True, upload_to=core.uploads.UploadTo('work-plans', 'pdf'), verbose_name='signed document (PDF)')),
                ('document_filename', models.CharField(blank=True, max_length=200)),
                ('is_demo', models.BooleanField(default=False, verbose_name='demo data')),
                ('approval_recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='approval recorded by')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('workgroup', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='work_plans', to='workgroups.workgroup', verbose_name='Pokja')),
            ],
            options={
                'verbose_name': 'work plan',
                'verbose_name_plural': 'work plans',
                'ordering': ['-year'],
            },
        ),
        migrations.CreateModel(
            name='Activity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=300, verbose_name='activity')),
                ('start_month', models.PositiveSmallIntegerField(choices=[(1, 'Januari'), (2, 'Februari'), (3, 'Maret'), (4, 'April'), (5, 'Mei'), (6, 'Juni'), (7, 'Juli'), (8, 'Agustus'), (9, 'September'), (10, 'Oktober'), (11, 'November'), (12, 'Desember')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(12)], verbose_name='start month')),
                ('end_month', models.PositiveSmallIntegerField(choices=[(1, 'Januari'), (2, 'Februari'), (3, 'Maret'), (4, 'April'), (5, 'Mei'), (6, 'Juni'), (7, 'Juli'), (8, 'Agustus'), (9, 'September'), (10, 'Oktober'), (11, 'November'), (12, 'Desember')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(12)], verbose_name='end month')),
                ('expected_output', models.TextField(blank=True, verbose_name='expected output')),
                ('planned_cost', models.PositiveBigIntegerField(default=0, verbose_name='planned cost (Rp)')),
                ('cost_source', models.CharField(blank=True, choices=[('apbd_province', 'APBD Provinsi'), ('apbd_regency', 'APBD Kabupaten/Kota'), ('apbn_bok', 'APBN / BOK-KB'), ('dak', 'DAK (special allocation fund)'), ('village_fund', 'Dana Desa (village fund)'), ('partner', 'Partner / CSR'), ('other', 'Other')], max_length=20, verbose_name='source of funds')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('ongoing', 'Ongoing'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='planned', max_length=10, verbose_name='status')),
                ('progress_note', models.TextField(blank=True, verbose_name='progress note')),
                ('evidence', models.FileField(blank=True, upload_to=planning.models.EvidenceUploadTo(), verbose_name='evidence')),
                ('evidence_filename', models.CharField(blank=True, max_length=200)),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicators', models.ManyToManyField(blank=True, related_name='activities', to='indicators.indicator', verbose_name='indicators')),
                ('institutions', models.ManyToManyField(blank=True, related_name='activities', to='workgroups.institution', verbose_name='responsible institutions')),
                ('subgroup', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='activities', to='workgroups.subgroup', verbose_name='sub-group')),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='planning.workplan', verbose_name='work plan')),
            ],
            options={
                'verbose_name': 'activity',
                'verbose_name_plural': 'activities',
                'ordering': ['start_month', 'end_month', 'title', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='workplan',
            index=models.Index(fields=['year', 'status'], name='work_plan_year_status'),
        ),
        migrations.AddConstraint(
            model_name='workplan',
            constraint=models.UniqueConstraint(fields=('workgroup', 'year'), name='one_work_plan_per_workgroup_year', violation_error_message='This Pokja already has a work plan for this year.'),
        ),
        migrations.AddConstraint(
            model_name='workplan',
            constraint=models.CheckConstraint(condition=models.Q(('year__gte', 2000), ('year__lte', 2100)), name='work_plan_year_range', violation_error_message='Enter a year between 2000 and 2100.'),
        ),
        migrations.AddConstraint(
            model_name='workplan',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('approved_on__isnull', True), ('status', 'draft')), models.Q(('approved_on__isnull', False), ('status', 'approved'), models.Q(('approver_name', ''), _negated=True)), _connector='OR'), name='work_plan_approval_complete', violation_error_message="An approved work plan needs the approval date and the approver's name; a draft has neither."),
        ),
        migrations.AddConstraint(
            model_name='activity',
            constraint=models.CheckConstraint(condition=models.Q(('end_month__gte', 1), ('end_month__lte', 12), ('start_month__gte', 1), ('start_month__lte', 12)), name='activity_months_in_year', violation_error_message='Months are numbered 1 (January) to 12 (December).'),
        ),
        migrations.AddConstraint(
            model_name='activity',
            constraint=models.CheckConstraint(condition=models.Q(('start_month__lte', models.F('end_month'))), name='activity_months_ordered', violation_error_message='The start month cannot be after the end month.'),
        ),
        migrations.AddConstraint(
            model_name='activity',
            constraint=models.CheckConstraint(condition=models.Q(('planned_cost', 0), models.Q(('cost_source', ''), _negated=True), _connector='OR'), name='activity_cost_has_source', violation_error_message='Choose the source of funds for a planned cost.'),
        ),
    ]
