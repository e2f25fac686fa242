"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import re

import core.uploads
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# The national sub-group catalogue: the working groups merged into the Pokja Bangga Kencana
# (docs/domain.md §1 and §6). National admins maintain it afterwards.
SUBGROUPS = [
    ("advokasi", "Advokasi", "Advokasi kebijakan kependudukan dan Bangga Kencana kepada pimpinan daerah."),
    ("kampung-kb", "Kampung KB", "Pembinaan Kampung Keluarga Berkualitas (Kampung KB)."),
    ("gdpk", "GDPK (Grand Design Pembangunan Kependudukan)", "Penyusunan dan pelaksanaan Grand Design Pembangunan Kependudukan."),
    ("tpps", "Percepatan Penurunan Stunting (TPPS)", "Tim Percepatan Penurunan Stunting (Perpres 72/2021)."),
    ("kie", "KIE", "Komunikasi, informasi dan edukasi."),
    ("data-informasi", "Data dan Informasi", "Data, informasi, pemantauan dan evaluasi."),
]


def seed(apps, schema_editor):
    SubGroup = apps.get_model("workgroups", "SubGroup")
    for order, (code, name, description) in enumerate(SUBGROUPS, start=1):
        SubGroup.objects.update_or_create(
            code=code, defaults={"name": name, "description": description, "order": order * 10}
        )


def unseed(apps, schema_editor):
    SubGroup = apps.get_model("workgroups", "SubGroup")
    SubGroup.objects.filter(code__in=[code for code, _name, _desc in SUBGROUPS], members__isnull=True).delete()

# Phone numbers of members and Pokja contacts to E.164 (`+6281234567890`). Numbers that cannot
# be read as a phone number are left as they were and listed in the output, to be fixed by hand.
_SEPARATORS = re.compile(r"[\s\-./()]")
_CHARACTERS = re.compile(r"^\+?\d+$")


def to_e164(text):
    """The same rules as normalize_phone at the time of this migration (kept here so the
    migration does not change when the validator does). None when not a phone number."""
    import phonenumbers

    cleaned = _SEPARATORS.sub("", text or "")
    if not cleaned:
        return ""
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    if cleaned.startswith("8"):
        cleaned = "0" + cleaned
    if not _CHARACTERS.match(cleaned) or len(cleaned) > 17:
        return None
    try:
        number = phonenumbers.parse(cleaned, "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise(apps, schema_editor):
    unreadable = []
    for model_name, field in (("Member", "phone"), ("WorkGroup", "contact_phone")):
        model = apps.get_model("workgroups", model_name)
        for pk, value in model.objects.exclude(**{field: ""}).values_list("pk", field):
            new = to_e164(value)
            if new is None:
                unreadable.append(f"{model_name} #{pk}: {value!r}")
            elif new != value:
                model.objects.filter(pk=pk).update(**{field: new})
    if unreadable:
        print(
            "\n  Phone numbers left as they were (not recognised as phone numbers; fix them by "
            "hand):\n    " + "\n    ".join(unreadable)
        )


class Migration(migrations.Migration):

    initial = True
    replaces = [('workgroups', name) for name in ('0001_initial', '0002_decree_kind', '0003_seed_subgroups', '0004_decree_signature_check', '0005_phones_e164', '0006_decree_replaces', '0007_member_whatsapp_consent')]

    dependencies = [('regions', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='SubGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=30, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'sub-group',
                'verbose_name_plural': 'sub-groups',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Institution',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('sector', models.CharField(choices=[('regional_government', 'Regional government office'), ('vertical_agency', 'Vertical agency'), ('academia', 'Academia'), ('religious', 'Religious organisation'), ('professional', 'Professional body'), ('ngo', 'Non-governmental organisation'), ('business', 'Business'), ('media', 'Media'), ('community', 'Community organisation')], max_length=30, verbose_name='sector')),
                ('is_government', models.BooleanField(default=True, verbose_name='government')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='institutions', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'institution',
                'verbose_name_plural': 'institutions',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='WorkGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('formed_on', models.DateField(blank=True, null=True, verbose_name='formation date')),
                ('status', models.CharField(choices=[('active', 'Active'), ('dissolved', 'Dissolved')], default='active', max_length=10, verbose_name='status')),
                ('secretariat_office', models.CharField(blank=True, max_length=200, verbose_name='secretariat office')),
                ('contact_name', models.CharField(blank=True, max_length=120, verbose_name='contact person')),
                ('contact_phone', models.CharField(blank=True, max_length=30, verbose_name='contact phone')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                ('is_demo', models.BooleanField(default=False, verbose_name='demo data')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='workgroups', to='regions.region', verbose_name='region')),
                ('subgroups', models.ManyToManyField(blank=True, related_name='workgroups', to='workgroups.subgroup', verbose_name='sub-groups')),
            ],
            options={
                'verbose_name': 'Pokja',
                'verbose_name_plural': 'Pokja',
                'ordering': ['region__code'],
            },
        ),
        migrations.CreateModel(
            name='Member',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('name', models.CharField(max_length=150, verbose_name='name')),
                ('position', models.CharField(blank=True, max_length=200, verbose_name='position (jabatan)')),
                ('role', models.CharField(choices=[('adviser', 'Adviser (Pengarah)'), ('responsible', 'Person in charge (Penanggung Jawab)'), ('chair', 'Chair (Ketua)'), ('vice_chair', 'Vice chair (Wakil Ketua)'), ('secretary', 'Secretary (Sekretaris)'), ('coordinator', 'Field coordinator (Koordinator Bidang)'), ('member', 'Member (Anggota)')], default='member', max_length=20, verbose_name='role in the Pokja')),
                ('phone', models.CharField(blank=True, max_length=30, verbose_name='phone')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('whatsapp_consent', models.BooleanField(default=False, help_text='The member agreed to receive Pokja messages on WhatsApp at this number.', verbose_name='may be contacted on WhatsApp')),
                ('active_from', models.DateField(blank=True, null=True, verbose_name='active from')),
                ('active_until', models.DateField(blank=True, null=True, verbose_name='active until')),
                ('institution', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='members', to='workgroups.institution', verbose_name='institution')),
                ('user', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='member', to=settings.AUTH_USER_MODEL, verbose_name='log-in')),
                ('subgroup', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='members', to='workgroups.subgroup', verbose_name='sub-group')),
                ('workgroup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='workgroups.workgroup', verbose_name='Pokja')),
            ],
            options={
                'verbose_name': 'member',
                'verbose_name_plural': 'members',
                'ordering': ['workgroup', 'role', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Decree',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('number', models.CharField(help_text='As written on the decree, e.g. 446/II/TAHUN 2022.', max_length=100, verbose_name='number')),
                ('title', models.CharField(max_length=300, verbose_name='title (tentang)')),
                ('signed_on', models.DateField(verbose_name='date signed')),
                ('issuer', models.CharField(choices=[('governor', 'Governor'), ('regent', 'Regent (Bupati)'), ('mayor', 'Mayor (Wali Kota)'), ('bkkbn_head', 'Head of the BKKBN provincial office'), ('other', 'Other')], max_length=20, verbose_name='issuer')),
                ('kind', models.CharField(choices=[('formation', 'Formation'), ('amendment', 'Amendment'), ('renewal', 'Renewal')], default='formation', max_length=10, verbose_name='kind')),
                ('valid_from', models.DateField(verbose_name='valid from')),
                ('valid_until', models.DateField(blank=True, help_text='Leave empty if the decree has no end date.', null=True, verbose_name='valid until')),
                ('file', models.FileField(blank=True, upload_to=core.uploads.UploadTo('decrees', 'pdf'), verbose_name='signed PDF')),
                ('original_filename', models.CharField(blank=True, max_length=200)),
                ('signature_state', models.CharField(blank=True, choices=[('', 'Not checked'), ('unsigned', 'No electronic signature'), ('valid', 'Signature intact'), ('tampered', 'Changed after signing'), ('unreadable', 'Signatures could not be read')], default='', max_length=12, verbose_name='electronic signature')),
                ('signature_details', models.JSONField(blank=True, default=list)),
                ('signature_checked_at', models.DateTimeField(blank=True, null=True)),
                ('signature_trust_configured', models.BooleanField(default=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('replaces', models.ForeignKey(blank=True, help_text='The earlier decree this one replaces; it stays in the history.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='replaced_by', to='workgroups.decree', verbose_name='replaces')),
                ('workgroup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decrees', to='workgroups.workgroup', verbose_name='Pokja')),
            ],
            options={
                'verbose_name': 'decree (SK)',
                'verbose_name_plural': 'decrees (SK)',
                'ordering': ['-valid_from', '-signed_on', '-pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='institution',
            constraint=models.UniqueConstraint(fields=('region', 'name'), name='unique_institution_name_per_region', violation_error_message='This region already has an institution with this name.'),
        ),
        migrations.AddIndex(
            model_name='workgroup',
            index=models.Index(fields=['region', 'status'], name='workgroup_region_status'),
        ),
        migrations.AddConstraint(
            model_name='workgroup',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'active')), fields=('region',), name='one_active_workgroup_per_region', violation_error_message='This region already has an active Pokja.'),
        ),
        migrations.AddConstraint(
            model_name='member',
            constraint=models.CheckConstraint(condition=models.Q(('active_until__isnull', True), ('active_from__isnull', True), ('active_until__gte', models.F('active_from')), _connector='OR'), name='member_period_ordered', violation_error_message='The end of the active period cannot be before its start.'),
        ),
        migrations.AddIndex(
            model_name='decree',
            index=models.Index(fields=['workgroup', 'valid_from', 'valid_until'], name='decree_validity'),
        ),
        migrations.AddConstraint(
            model_name='decree',
            constraint=models.CheckConstraint(condition=models.Q(('valid_until__isnull', True), ('valid_until__gte', models.F('valid_from')), _connector='OR'), name='decree_validity_ordered', violation_error_message='The end of validity cannot be before its start.'),
        ),
        migrations.RunPython(seed, unseed),
        migrations.RunPython(normalise, migrations.RunPython.noop, elidable=False),
    ]
