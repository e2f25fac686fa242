"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    replaces = [('audit', name) for name in ('0001_initial', '0002_data_version')]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name='DataVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.BigIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'data version',
                'verbose_name_plural': 'data versions',
            },
        ),
        migrations.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='time')),
                ('actor_id', models.BigIntegerField(blank=True, null=True)),
                ('actor_username', models.CharField(max_length=150, verbose_name='by')),
                ('action', models.CharField(choices=[('create', 'created'), ('update', 'changed'), ('delete', 'deleted'), ('other', 'other')], max_length=10, verbose_name='action')),
                ('code', models.CharField(blank=True, max_length=80, verbose_name='event')),
                ('model', models.CharField(max_length=100, verbose_name='record type')),
                ('object_id', models.CharField(blank=True, max_length=64)),
                ('object_repr', models.CharField(blank=True, max_length=200, verbose_name='record')),
                ('region_code', models.CharField(blank=True, max_length=5, verbose_name='region')),
                ('changes', models.JSONField(blank=True, default=dict, verbose_name='changes')),
            ],
            options={
                'verbose_name': 'audit event',
                'verbose_name_plural': 'audit events',
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['region_code', '-created_at'], name='audit_region_time'), models.Index(fields=['model', 'object_id'], name='audit_object')],
            },
        ),
    ]
