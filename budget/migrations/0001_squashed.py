"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import core.uploads
import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    replaces = [('budget', name) for name in ('0001_initial', '0002_budget_calendar')]

    dependencies = [('regions', '0001_squashed'), ('workgroups', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='BudgetAllocation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='budget year')),
                ('source', models.CharField(choices=[('apbd_province', 'APBD Provinsi'), ('apbd_regency', 'APBD Kabupaten/Kota'), ('apbn_bok', 'APBN / BOK-KB'), ('dak', 'DAK (special allocation fund)'), ('village_fund', 'Dana Desa (village fund)'), ('partner', 'Partner / CSR'), ('other', 'Other')], max_length=20, verbose_name='source of funds')),
                ('amount', models.PositiveBigIntegerField(verbose_name='amount (Rp)')),
                ('purpose', models.CharField(blank=True, help_text='What the money is for, e.g. Pokja operations, forum meetings.', max_length=300, verbose_name='purpose')),
                ('document_reference', models.CharField(blank=True, help_text='For example the DPA number of the office that holds the budget.', max_length=150, verbose_name='budget document reference')),
                ('document', models.FileField(blank=True, upload_to=core.uploads.UploadTo('budget', 'pdf'), verbose_name='budget document (PDF)')),
                ('document_filename', models.CharField(blank=True, max_length=200)),
                ('realised', models.PositiveBigIntegerField(default=0, verbose_name='realised (Rp)')),
                ('realised_on', models.DateField(blank=True, help_text='The date the realised amount was reported.', null=True, verbose_name='realisation as of')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('is_demo', models.BooleanField(default=False, verbose_name='demo data')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('workgroup', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='budget_allocations', to='workgroups.workgroup', verbose_name='Pokja')),
            ],
            options={
                'verbose_name': 'budget allocation',
                'verbose_name_plural': 'budget allocations',
                'ordering': ['-year', 'source', 'pk'],
                'indexes': [models.Index(fields=['year', 'workgroup'], name='budget_year_workgroup')],
                'constraints': [models.CheckConstraint(condition=models.Q(('year__gte', 2000), ('year__lte', 2100)), name='budget_year_range', violation_error_message='Enter a year between 2000 and 2100.'), models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='budget_amount_positive', violation_error_message='The allocated amount must be more than zero.'), models.CheckConstraint(condition=models.Q(('realised__lte', models.F('amount'))), name='budget_realised_within_amount', violation_error_message='The realised amount cannot exceed the allocated amount.')],
            },
        ),
        migrations.CreateModel(
            name='BudgetCalendar',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('budget_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='budget year')),
                ('rkpd_from', models.DateField(verbose_name='RKPD drafting starts')),
                ('rkpd_until', models.DateField(verbose_name='RKPD drafting ends')),
                ('kua_ppas', models.DateField(verbose_name='KUA-PPAS agreed by')),
                ('rapbd', models.DateField(verbose_name='RAPBD approved by')),
                ('warn_weeks', models.PositiveSmallIntegerField(default=8, help_text='How many weeks before the KUA-PPAS a missing Pokja budget is flagged.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(26)], verbose_name='warn weeks before KUA-PPAS')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='budget_calendars', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'budget calendar',
                'verbose_name_plural': 'budget calendars',
                'ordering': ['region', '-budget_year'],
                'constraints': [models.UniqueConstraint(fields=('region', 'budget_year'), name='budget_one_calendar_per_year'), models.CheckConstraint(condition=models.Q(('rkpd_from__lte', models.F('rkpd_until')), ('rkpd_until__lte', models.F('kua_ppas')), ('kua_ppas__lte', models.F('rapbd'))), name='budget_calendar_in_order', violation_error_message='The milestones must follow each other: RKPD, KUA-PPAS, then RAPBD.')],
            },
        ),
    ]
