"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    replaces = [('notifications', name) for name in ('0001_initial', '0002_kinds_privacy_budget')]

    dependencies = [('regions', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Notification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('assessment.submitted', 'Assessment submitted for verification'), ('assessment.returned', 'Assessment returned for correction'), ('assessment.verified', 'Assessment verified'), ('assessment.stale', 'Verification needs to be redone'), ('meeting.invitation', 'Meeting invitation'), ('meeting.changed', 'Meeting changed'), ('meeting.cancelled', 'Meeting cancelled'), ('action_item.assigned', 'Action item assigned to you'), ('action_item.overdue', 'Action item overdue'), ('decree.expiring', 'Pokja decree (SK) expiring'), ('decree.expired', 'Pokja decree (SK) expired'), ('privacy.request', 'Personal-data request to serve'), ('privacy.breach', 'Personal-data breach to notify'), ('budget.missing', 'Early warning: no Pokja budget before the KUA-PPAS')], max_length=40, verbose_name='kind')),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('body', models.TextField(blank=True, verbose_name='details')),
                ('url', models.CharField(max_length=500, verbose_name='link')),
                ('key', models.CharField(blank=True, default='', max_length=200)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='read')),
                ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='regions.region')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'notification',
                'verbose_name_plural': 'notifications',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(condition=models.Q(('read_at__isnull', True)), fields=['user'], name='notification_unread'), models.Index(fields=['user', '-created_at'], name='notification_inbox')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('key', ''), _negated=True), fields=('user', 'key'), name='notification_once_per_key')],
            },
        ),
        migrations.CreateModel(
            name='Preference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('assessment.submitted', 'Assessment submitted for verification'), ('assessment.returned', 'Assessment returned for correction'), ('assessment.verified', 'Assessment verified'), ('assessment.stale', 'Verification needs to be redone'), ('meeting.invitation', 'Meeting invitation'), ('meeting.changed', 'Meeting changed'), ('meeting.cancelled', 'Meeting cancelled'), ('action_item.assigned', 'Action item assigned to you'), ('action_item.overdue', 'Action item overdue'), ('decree.expiring', 'Pokja decree (SK) expiring'), ('decree.expired', 'Pokja decree (SK) expired'), ('privacy.request', 'Personal-data request to serve'), ('privacy.breach', 'Personal-data breach to notify'), ('budget.missing', 'Early warning: no Pokja budget before the KUA-PPAS')], max_length=40, verbose_name='kind')),
                ('email', models.BooleanField(verbose_name='also by e-mail')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notification_preferences', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'notification preference',
                'verbose_name_plural': 'notification preferences',
                'constraints': [models.UniqueConstraint(fields=('user', 'kind'), name='notification_preference_once')],
            },
        ),
    ]
