import core.uploads
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    dependencies = [('regions', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Letter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('serial', models.PositiveIntegerField(verbose_name='serial number')),
                ('number', models.CharField(max_length=160, verbose_name='letter number')),
                ('letter_type', models.CharField(choices=[('invitation', 'Invitation'), ('minutes_cover', 'Minutes cover letter'), ('recap', 'Recap letter'), ('advocacy', 'Advocacy letter'), ('reminder', 'Reminder to regencies/cities'), ('other', 'Other letter')], max_length=20, verbose_name='letter type')),
                ('classification', models.CharField(max_length=40, verbose_name='classification code')),
                ('subject', models.CharField(max_length=300, verbose_name='subject')),
                ('recipient', models.CharField(blank=True, max_length=300, verbose_name='recipient')),
                ('letter_date', models.DateField(verbose_name='letter date')),
                ('status', models.CharField(choices=[('issued', 'Issued'), ('cancelled', 'Cancelled')], default='issued', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='registered at')),
                ('cancelled_at', models.DateTimeField(blank=True, null=True, verbose_name='cancelled at')),
                ('cancel_reason', models.CharField(blank=True, max_length=300, verbose_name='reason for cancelling')),
                ('cancelled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='letters', to='regions.region', verbose_name='office')),
            ],
            options={
                'verbose_name': 'letter',
                'verbose_name_plural': 'letters',
                'ordering': ['region', '-year', '-serial'],
            },
        ),
        migrations.CreateModel(
            name='IssuedDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=16, unique=True, verbose_name='verification code')),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('number', models.CharField(blank=True, max_length=160, verbose_name='letter number')),
                ('is_signed', models.BooleanField(default=False, verbose_name='electronically signed')),
                ('signer_name', models.CharField(blank=True, max_length=200, verbose_name='signer')),
                ('signer_title', models.CharField(blank=True, max_length=200, verbose_name="signer's position")),
                ('issued_at', models.DateTimeField(verbose_name='issued at')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('size', models.PositiveIntegerField(verbose_name='size (bytes)')),
                ('file', models.FileField(upload_to=core.uploads.UploadTo('letters', 'pdf'), verbose_name='PDF')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='issued_documents', to='regions.region', verbose_name='office')),
                ('letter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='letters.letter', verbose_name='letter')),
            ],
            options={
                'verbose_name': 'issued document',
                'verbose_name_plural': 'issued documents',
                'ordering': ['-issued_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='LetterCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField()),
                ('last_serial', models.PositiveIntegerField(default=0)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='letter_counters', to='regions.region')),
            ],
        ),
        migrations.CreateModel(
            name='NumberingScheme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('pattern', models.CharField(default='{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}', max_length=120, verbose_name='number pattern')),
                ('unit_code', models.CharField(blank=True, help_text="The office's code in letter numbers, e.g. DPPKB or PPKB.", max_length=40, verbose_name='unit code')),
                ('classifications', models.JSONField(blank=True, default=dict, verbose_name='classification codes')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('region', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='numbering_scheme', to='regions.region', verbose_name='office')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'numbering scheme',
                'verbose_name_plural': 'numbering schemes',
            },
        ),
        migrations.CreateModel(
            name='OfficeCertificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('secret', models.BinaryField()),
                ('subject', models.CharField(max_length=300, verbose_name='subject')),
                ('issuer', models.CharField(max_length=300, verbose_name='issuer')),
                ('serial_number', models.CharField(max_length=80, verbose_name='serial number')),
                ('fingerprint', models.CharField(max_length=64, verbose_name='SHA-256 fingerprint')),
                ('valid_from', models.DateTimeField(verbose_name='valid from')),
                ('valid_until', models.DateTimeField(verbose_name='valid until')),
                ('signer_name', models.CharField(max_length=200, verbose_name='signer')),
                ('signer_title', models.CharField(blank=True, max_length=200, verbose_name="signer's position")),
                ('uploaded_at', models.DateTimeField(auto_now=True)),
                ('region', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='signing_certificate', to='regions.region', verbose_name='office')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'signing certificate',
                'verbose_name_plural': 'signing certificates',
            },
        ),
        migrations.AddIndex(
            model_name='letter',
            index=models.Index(fields=['region', 'year', 'letter_type'], name='letters_register_type'),
        ),
        migrations.AddConstraint(
            model_name='letter',
            constraint=models.UniqueConstraint(fields=('region', 'year', 'serial'), name='letters_serial_once_per_office_year', violation_error_message='This serial number was already given.'),
        ),
        migrations.AddConstraint(
            model_name='letter',
            constraint=models.UniqueConstraint(fields=('region', 'year', 'number'), name='letters_number_once_per_office_year', violation_error_message='This letter number was already given.'),
        ),
        migrations.AddConstraint(
            model_name='letter',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('cancel_reason', ''), ('cancelled_at__isnull', True), ('status', 'issued')), models.Q(('cancelled_at__isnull', False), ('status', 'cancelled'), models.Q(('cancel_reason', ''), _negated=True)), _connector='OR'), name='letters_cancellation_recorded', violation_error_message='A cancelled number needs its reason and time.'),
        ),
        migrations.AddConstraint(
            model_name='issueddocument',
            constraint=models.CheckConstraint(condition=models.Q(('is_signed', False), models.Q(('signer_name', ''), _negated=True), _connector='OR'), name='letters_signed_document_names_signer', violation_error_message='A signed document names its signer.'),
        ),
        migrations.AddConstraint(
            model_name='lettercounter',
            constraint=models.UniqueConstraint(fields=('region', 'year'), name='letters_one_counter_per_year'),
        ),
    ]
