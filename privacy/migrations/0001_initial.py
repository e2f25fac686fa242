import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    dependencies = [('regions', '0001_squashed'), ('workgroups', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Breach',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='incident')),
                ('data_affected', models.TextField(verbose_name='personal data affected')),
                ('subjects_count', models.PositiveIntegerField(verbose_name='number of data subjects')),
                ('occurred_at', models.DateTimeField(verbose_name='happened')),
                ('discovered_at', models.DateTimeField(verbose_name='discovered')),
                ('deadline', models.DateTimeField(verbose_name='notify by')),
                ('how', models.TextField(blank=True, verbose_name='how it happened')),
                ('actions', models.TextField(blank=True, verbose_name='what was done')),
                ('status', models.CharField(choices=[('open', 'Open'), ('notified', 'Notified'), ('closed', 'Closed')], default='open', max_length=9, verbose_name='status')),
                ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='notified')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.region')),
            ],
            options={
                'verbose_name': 'personal-data breach',
                'verbose_name_plural': 'personal-data breaches',
                'ordering': ['deadline', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Consent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('purpose', models.CharField(choices=[('whatsapp', 'Contact through a personal WhatsApp number'), ('photo', 'Publication of a photo')], max_length=20, verbose_name='use')),
                ('text', models.TextField(verbose_name='text shown')),
                ('method', models.CharField(choices=[('form', 'Signed form'), ('online', 'In Sipokja by the person'), ('recorded', 'Recorded (voice or video)')], max_length=10, verbose_name='how')),
                ('given_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='given')),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='withdrawn')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consents', to='workgroups.member')),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'consent',
                'verbose_name_plural': 'consents',
                'ordering': ['-given_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Controller',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('controller_name', models.CharField(max_length=200, verbose_name='controller')),
                ('address', models.CharField(blank=True, max_length=300, verbose_name='address')),
                ('dpo_name', models.CharField(blank=True, max_length=150, verbose_name='data protection officer')),
                ('dpo_email', models.EmailField(blank=True, max_length=254, verbose_name='DPO e-mail')),
                ('dpo_phone', models.CharField(blank=True, max_length=30, verbose_name='DPO phone')),
                ('region', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='privacy_controller', to='regions.region')),
            ],
            options={
                'verbose_name': 'data controller',
                'verbose_name_plural': 'data controllers',
                'ordering': ['region__code'],
            },
        ),
        migrations.CreateModel(
            name='DataRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('access', 'Access'), ('correction', 'Correction'), ('deletion', 'Deletion'), ('restriction', 'Restriction'), ('objection', 'Objection'), ('withdrawal', 'Withdrawal of consent')], max_length=12, verbose_name='request')),
                ('requester_name', models.CharField(max_length=150, verbose_name='requested by')),
                ('subject_name', models.CharField(max_length=150, verbose_name='about')),
                ('details', models.TextField(blank=True, verbose_name='details')),
                ('received_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='received')),
                ('deadline', models.DateTimeField(verbose_name='deadline')),
                ('status', models.CharField(choices=[('open', 'Open'), ('done', 'Done'), ('refused', 'Refused')], default='open', max_length=8, verbose_name='status')),
                ('outcome', models.TextField(blank=True, verbose_name='what was done')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('member', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='workgroups.member')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.region', verbose_name='region')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'data-subject request',
                'verbose_name_plural': 'data-subject requests',
                'ordering': ['deadline', 'pk'],
            },
        ),
    ]
