"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import core.uploads
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    replaces = [('assessment', name) for name in ('0001_initial', '0002_region_status', '0003_review_evidence', '0004_demo_flag')]

    dependencies = [('regions', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='StatusEpoch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.BigIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name='Assessment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('status', models.CharField(choices=[('draft', 'Not submitted'), ('submitted', 'Awaiting verification'), ('returned', 'Returned for correction'), ('verified', 'Verified')], default='draft', max_length=10, verbose_name='status')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('is_demo', models.BooleanField(default=False, editable=False, verbose_name='demo data')),
                ('submitted_at', models.DateTimeField(blank=True, null=True)),
                ('verified_at', models.DateTimeField(blank=True, null=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assessments', to='regions.region')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('verified_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'assessment',
                'verbose_name_plural': 'assessments',
            },
        ),
        migrations.CreateModel(
            name='Criterion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('code', models.SlugField(max_length=40, verbose_name='code')),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('kind', models.CharField(choices=[('decree', 'SK (decree)'), ('work_plan', 'Work plan'), ('indicators', 'Indicators'), ('budget', 'Budget'), ('gdpk', 'GDPK'), ('planning_integration', 'Indicators in RPJMD/RKPD'), ('declared', 'Declared with evidence')], max_length=30, verbose_name='kind')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('settings', models.JSONField(blank=True, default=dict, verbose_name='settings')),
                ('province', models.ForeignKey(blank=True, help_text='Empty for national criteria.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='regions.region', verbose_name='province')),
            ],
            options={
                'verbose_name': 'criterion',
                'verbose_name_plural': 'criteria',
                'ordering': ['year', 'province_id', 'order', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='CriterionReview',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('decision', models.CharField(choices=[('pending', 'Awaiting verification'), ('accepted', 'Accepted'), ('rejected', 'Rejected')], default='pending', max_length=10, verbose_name='decision')),
                ('reason', models.TextField(blank=True, verbose_name='reason')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('response', models.TextField(blank=True, verbose_name="operator's answer")),
                ('submitted_state', models.CharField(blank=True, max_length=15)),
                ('submitted_explanation', models.TextField(blank=True)),
                ('evidence', models.JSONField(blank=True, default=dict, verbose_name='verified evidence')),
                ('stale_at', models.DateTimeField(blank=True, null=True, verbose_name='stale since')),
                ('stale_reason', models.TextField(blank=True, verbose_name='why it is stale')),
                ('assessment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='assessment.assessment')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='assessment.criterion')),
                ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'criterion review',
                'verbose_name_plural': 'criterion reviews',
            },
        ),
        migrations.CreateModel(
            name='Declaration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('fulfilled', models.BooleanField(verbose_name='fulfilled')),
                ('note', models.TextField(blank=True, verbose_name='explanation')),
                ('file', models.FileField(blank=True, upload_to=core.uploads.UploadTo('declarations', 'pdf'), verbose_name='evidence (PDF)')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='declarations', to='assessment.criterion')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='declarations', to='regions.region')),
            ],
            options={
                'verbose_name': 'declaration',
                'verbose_name_plural': 'declarations',
            },
        ),
        migrations.CreateModel(
            name='RegionStatus',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField()),
                ('as_of', models.DateField()),
                ('has_workgroup', models.BooleanField()),
                ('computed_status', models.CharField(max_length=20)),
                ('official_status', models.CharField(max_length=20)),
                ('criteria', models.JSONField(default=dict)),
                ('kinds', models.JSONField(default=dict)),
                ('computed_at', models.DateTimeField(auto_now=True)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='regions.region')),
            ],
        ),
        migrations.CreateModel(
            name='Snapshot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('taken_at', models.DateTimeField(auto_now_add=True, verbose_name='taken at')),
                ('effective', models.BooleanField(verbose_name='effective')),
                ('computed_effective', models.BooleanField(verbose_name='computed effective')),
                ('criteria', models.JSONField(default=list)),
                ('is_demo', models.BooleanField(default=False, editable=False, verbose_name='demo data')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assessment_snapshots', to='regions.region')),
                ('taken_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'assessment snapshot',
                'verbose_name_plural': 'assessment snapshots',
                'ordering': ['-taken_at', '-pk'],
            },
        ),
        migrations.AddIndex(
            model_name='assessment',
            index=models.Index(fields=['year', 'region'], name='assessment_year_region'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.UniqueConstraint(fields=('region', 'year'), name='one_assessment_per_region_year', violation_error_message='This region already has an assessment for this year.'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('submitted_at__isnull', True), ('submitted_by__isnull', True)), ('submitted_at__isnull', False), _connector='OR'), name='assessment_submitted_pair'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('verified_at__isnull', True), ('verified_by__isnull', True)), ('verified_at__isnull', False), _connector='OR'), name='assessment_verified_pair'),
        ),
        migrations.AddConstraint(
            model_name='criterion',
            constraint=models.UniqueConstraint(condition=models.Q(('province__isnull', True)), fields=('year', 'code'), name='unique_national_criterion_code', violation_error_message='A national criterion with this code exists for this year.'),
        ),
        migrations.AddConstraint(
            model_name='criterion',
            constraint=models.UniqueConstraint(fields=('year', 'code', 'province'), name='unique_provincial_criterion_code', violation_error_message='This province already has a criterion with this code for this year.'),
        ),
        migrations.AddConstraint(
            model_name='criterionreview',
            constraint=models.UniqueConstraint(fields=('assessment', 'criterion'), name='one_review_per_criterion'),
        ),
        migrations.AddConstraint(
            model_name='criterionreview',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('decision', 'rejected'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='rejection_needs_reason', violation_error_message='A rejection needs a reason.'),
        ),
        migrations.AddConstraint(
            model_name='declaration',
            constraint=models.UniqueConstraint(fields=('region', 'criterion'), name='one_declaration_per_criterion'),
        ),
        migrations.AddConstraint(
            model_name='regionstatus',
            constraint=models.UniqueConstraint(fields=('region', 'year'), name='one_status_per_region_year'),
        ),
        migrations.AddIndex(
            model_name='snapshot',
            index=models.Index(fields=['year', 'region', '-taken_at'], name='snapshot_year_region'),
        ),
    ]
