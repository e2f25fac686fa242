"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    replaces = [('jobs', name) for name in ('0001_initial', '0002_job_request_id')]

    dependencies = [('regions', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Job',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=64, verbose_name='kind')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                ('state', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('succeeded', 'Succeeded'), ('failed', 'Failed')], db_index=True, default='queued', max_length=10, verbose_name='state')),
                ('done', models.PositiveIntegerField(default=0, verbose_name='done')),
                ('total', models.PositiveIntegerField(default=0, verbose_name='total')),
                ('messages', models.JSONField(blank=True, default=list, verbose_name='messages')),
                ('params', models.JSONField(blank=True, default=dict, verbose_name='parameters')),
                ('key', models.CharField(blank=True, max_length=200, null=True, unique=True, verbose_name='idempotency key')),
                ('input', models.FileField(blank=True, max_length=200, upload_to='', verbose_name='input file')),
                ('input_name', models.CharField(blank=True, max_length=200, verbose_name='input file name')),
                ('result', models.FileField(blank=True, max_length=200, upload_to='', verbose_name='result file')),
                ('result_name', models.CharField(blank=True, max_length=200, verbose_name='result file name')),
                ('language', models.CharField(default='id', max_length=10, verbose_name='language')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='created at')),
                ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='started at')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('max_attempts', models.PositiveSmallIntegerField(default=3, verbose_name='maximum attempts')),
                ('run_after', models.DateTimeField(blank=True, null=True, verbose_name='run after')),
                ('enqueued_at', models.DateTimeField(blank=True, null=True, verbose_name='enqueued at')),
                ('task_id', models.CharField(blank=True, max_length=64, verbose_name='task id')),
                ('request_id', models.CharField(blank=True, max_length=64, verbose_name='request id')),
                ('heartbeat_at', models.DateTimeField(blank=True, null=True, verbose_name='heartbeat')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='jobs', to=settings.AUTH_USER_MODEL, verbose_name='started by')),
                ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='jobs', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'job',
                'verbose_name_plural': 'jobs',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='OutgoingEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_email', models.CharField(blank=True, max_length=254, verbose_name='from')),
                ('to', models.JSONField(default=list, verbose_name='to')),
                ('cc', models.JSONField(blank=True, default=list, verbose_name='cc')),
                ('bcc', models.JSONField(blank=True, default=list, verbose_name='bcc')),
                ('reply_to', models.JSONField(blank=True, default=list, verbose_name='reply to')),
                ('subject', models.CharField(max_length=400, verbose_name='subject')),
                ('body', models.TextField(blank=True, verbose_name='text')),
                ('alternatives', models.JSONField(blank=True, default=list)),
                ('attachments', models.JSONField(blank=True, default=list)),
                ('headers', models.JSONField(blank=True, default=dict)),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                ('job', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='emails', to='jobs.job')),
            ],
            options={
                'verbose_name': 'outgoing e-mail',
                'verbose_name_plural': 'outgoing e-mails',
                'ordering': ['pk'],
            },
        ),
        migrations.AddIndex(
            model_name='job',
            index=models.Index(fields=['created_by', '-created_at'], name='jobs_by_user_idx'),
        ),
        migrations.AddIndex(
            model_name='job',
            index=models.Index(fields=['state', 'run_after'], name='jobs_state_idx'),
        ),
    ]
