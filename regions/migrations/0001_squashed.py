"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    replaces = [('regions', name) for name in ('0001_initial', '0002_versioned_regions')]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name='Region',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=5, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('level', models.CharField(choices=[('province', 'Province'), ('regency', 'Regency/City')], max_length=10, verbose_name='level')),
                ('office_name', models.CharField(blank=True, max_length=200, verbose_name='office name')),
                ('office_address', models.CharField(blank=True, max_length=300, verbose_name='office address')),
                ('office_phone', models.CharField(blank=True, max_length=50, verbose_name='office phone')),
                ('office_email', models.EmailField(blank=True, max_length=254, verbose_name='office e-mail')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='exists from')),
                ('valid_until', models.DateField(blank=True, null=True, verbose_name='exists until (exclusive)')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='regions.region', verbose_name='parent')),
                ('predecessors', models.ManyToManyField(blank=True, related_name='successors', to='regions.region', verbose_name='formed from')),
            ],
            options={
                'verbose_name': 'region',
                'verbose_name_plural': 'regions',
                'ordering': ['code'],
            },
        ),
        migrations.CreateModel(
            name='RegionName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=5, verbose_name='code')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('valid_until', models.DateField(verbose_name='until (exclusive)')),
                ('source', models.CharField(blank=True, max_length=200, verbose_name='source')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='former_names', to='regions.region')),
            ],
            options={
                'verbose_name': 'former region name',
                'verbose_name_plural': 'former region names',
                'ordering': ['region', 'valid_until'],
            },
        ),
        migrations.AddConstraint(
            model_name='region',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('level', 'province'), ('parent__isnull', True)), models.Q(('level', 'regency'), ('parent__isnull', False)), _connector='OR'), name='region_level_matches_parent', violation_error_message='A province has no parent; a regency/city has one.'),
        ),
    ]
