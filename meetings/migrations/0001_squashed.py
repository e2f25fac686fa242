"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import django.db.models.deletion
import django.utils.timezone
import meetings.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    replaces = [('meetings', name) for name in ('0001_initial', '0002_meeting_end_index', '0003_progressnote_author_name_label', '0004_participant_phone', '0005_demo_flag')]

    dependencies = [('regions', '0001_squashed'), ('workgroups', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Decision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(verbose_name='number')),
                ('text', models.TextField(verbose_name='decision')),
            ],
            options={
                'verbose_name': 'decision',
                'verbose_name_plural': 'decisions',
                'ordering': ['number', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Announcement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('title', models.CharField(max_length=250, verbose_name='title')),
                ('is_demo', models.BooleanField(default=False, editable=False, verbose_name='demo data')),
                ('body', models.TextField(verbose_name='text')),
                ('published_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='published')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='announcements', to='regions.region', verbose_name='sent by')),
            ],
            options={
                'verbose_name': 'announcement',
                'verbose_name_plural': 'announcements',
                'ordering': ['-published_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='AnnouncementRead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('read_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('announcement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reads', to='meetings.announcement')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='regions.region')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'read receipt',
                'verbose_name_plural': 'read receipts',
                'ordering': ['read_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='AnnouncementRecipient',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('announcement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recipients', to='meetings.announcement')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='received_announcements', to='regions.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'announcement recipient',
                'verbose_name_plural': 'announcement recipients',
                'ordering': ['region__code'],
            },
        ),
        migrations.CreateModel(
            name='Letterhead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('header_line', models.CharField(blank=True, help_text='For example KEMENTERIAN KEPENDUDUKAN DAN PEMBANGUNAN KELUARGA/BKKBN or PEMERINTAH KABUPATEN GOWA.', max_length=300, verbose_name='line above the office name')),
                ('city', models.CharField(blank=True, help_text='Printed before the date, e.g. Makassar.', max_length=100, verbose_name='city of the letters')),
                ('signatory_title', models.CharField(blank=True, max_length=200, verbose_name='title of the signatory')),
                ('signatory_name', models.CharField(blank=True, max_length=150, verbose_name='name of the signatory')),
                ('signatory_id_number', models.CharField(blank=True, max_length=30, verbose_name='NIP of the signatory')),
                ('logo', models.FileField(blank=True, upload_to=meetings.models.TypedUploadTo('letterheads', 'logo_type'), verbose_name='logo')),
                ('logo_type', models.CharField(blank=True, choices=[('png', 'PNG'), ('jpg', 'JPEG')], max_length=4)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('region', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='letterhead', to='regions.region', verbose_name='region')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'letterhead',
                'verbose_name_plural': 'letterheads',
            },
        ),
        migrations.CreateModel(
            name='Meeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('title', models.CharField(max_length=250, verbose_name='title')),
                ('is_demo', models.BooleanField(default=False, editable=False, verbose_name='demo data')),
                ('kind', models.CharField(choices=[('forum', 'Communication forum (Forum Komunikasi)'), ('coordination', 'Coordination meeting (Rapat Koordinasi)'), ('workshop', 'Workshop / technical guidance (Bimtek)'), ('advocacy', 'Advocacy'), ('other', 'Other')], default='coordination', max_length=20, verbose_name='kind')),
                ('status', models.CharField(choices=[('scheduled', 'Scheduled'), ('cancelled', 'Cancelled')], default='scheduled', max_length=10, verbose_name='status')),
                ('description', models.TextField(blank=True, help_text='Printed in the invitation letter as the agenda (acara).', verbose_name='purpose and programme')),
                ('starts_at', models.DateTimeField(verbose_name='starts')),
                ('ends_at', models.DateTimeField(verbose_name='ends')),
                ('venue', models.CharField(blank=True, max_length=250, verbose_name='venue')),
                ('online_url', models.URLField(blank=True, verbose_name='online meeting link')),
                ('letter_number', models.CharField(blank=True, max_length=100, verbose_name='letter number (Nomor)')),
                ('letter_nature', models.CharField(choices=[('biasa', 'Ordinary (Biasa)'), ('penting', 'Important (Penting)'), ('segera', 'Urgent (Segera)')], default='penting', max_length=10, verbose_name='nature of the letter (Sifat)')),
                ('letter_subject', models.CharField(blank=True, max_length=200, verbose_name='subject (Perihal)')),
                ('letter_date', models.DateField(blank=True, null=True, verbose_name='date of the letter')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='regions.region', verbose_name='organising region')),
            ],
            options={
                'verbose_name': 'meeting',
                'verbose_name_plural': 'meetings',
                'ordering': ['-starts_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Material',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('file', models.FileField(upload_to=meetings.models.TypedUploadTo('meeting-materials', 'file_type'), verbose_name='file')),
                ('file_type', models.CharField(choices=[('pdf', 'PDF'), ('xlsx', 'Excel (XLSX)'), ('png', 'PNG'), ('jpg', 'JPEG')], max_length=4)),
                ('original_filename', models.CharField(blank=True, max_length=200)),
                ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='materials', to='meetings.meeting')),
            ],
            options={
                'verbose_name': 'meeting material',
                'verbose_name_plural': 'meeting materials',
                'ordering': ['uploaded_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='InvitedRegion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meeting_invitations', to='regions.region', verbose_name='region')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invited_regions', to='meetings.meeting')),
            ],
            options={
                'verbose_name': 'invited region',
                'verbose_name_plural': 'invited regions',
                'ordering': ['region__code'],
            },
        ),
        migrations.CreateModel(
            name='InvitedInstitution',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('institution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_invitations', to='workgroups.institution', verbose_name='institution')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invited_institutions', to='meetings.meeting')),
            ],
            options={
                'verbose_name': 'invited institution',
                'verbose_name_plural': 'invited institutions',
                'ordering': ['institution__name'],
            },
        ),
        migrations.CreateModel(
            name='AgendaItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=1, verbose_name='order')),
                ('starts_at', models.DateTimeField(blank=True, null=True, verbose_name='starts')),
                ('ends_at', models.DateTimeField(blank=True, null=True, verbose_name='ends')),
                ('title', models.CharField(max_length=250, verbose_name='session')),
                ('speaker', models.CharField(blank=True, max_length=250, verbose_name='speaker')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_items', to='meetings.meeting')),
            ],
            options={
                'verbose_name': 'agenda item',
                'verbose_name_plural': 'agenda items',
                'ordering': ['starts_at', 'order', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ActionItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('kind', models.CharField(choices=[('action', 'Action item'), ('commitment', 'Commitment')], default='action', max_length=12, verbose_name='kind')),
                ('title', models.CharField(max_length=250, verbose_name='title')),
                ('is_demo', models.BooleanField(default=False, editable=False, verbose_name='demo data')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('due_date', models.DateField(verbose_name='due date')),
                ('status', models.CharField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done'), ('dropped', 'Dropped')], default='open', max_length=12, verbose_name='status')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed at')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('assigned_institution', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='workgroups.institution', verbose_name='assigned institution')),
                ('assigned_member', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='workgroups.member', verbose_name='assigned member')),
                ('assigned_region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assigned_action_items', to='regions.region', verbose_name='assigned region')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='action_items', to='regions.region', verbose_name='set by')),
                ('decision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='meetings.decision', verbose_name='decision')),
                ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='meetings.meeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'action item',
                'verbose_name_plural': 'action items',
                'ordering': ['due_date', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Minutes',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('body', models.TextField(blank=True, verbose_name='minutes')),
                ('chair_name', models.CharField(blank=True, max_length=150, verbose_name='chaired by')),
                ('secretary_name', models.CharField(blank=True, max_length=150, verbose_name='minutes taken by')),
                ('approved_at', models.DateTimeField(blank=True, null=True, verbose_name='approved at')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('approved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='approved by')),
                ('meeting', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='minutes', to='meetings.meeting')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'minutes',
                'verbose_name_plural': 'minutes',
            },
        ),
        migrations.AddField(
            model_name='decision',
            name='minutes',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decisions', to='meetings.minutes'),
        ),
        migrations.CreateModel(
            name='Participant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=150, verbose_name='name')),
                ('position', models.CharField(blank=True, max_length=200, verbose_name='position')),
                ('institution_name', models.CharField(blank=True, max_length=200, verbose_name='institution')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('phone', models.CharField(blank=True, max_length=30, verbose_name='phone')),
                ('invited', models.BooleanField(default=True, verbose_name='invited')),
                ('attendance', models.CharField(choices=[('unknown', 'Not recorded'), ('present', 'Present'), ('represented', 'Represented'), ('absent', 'Absent')], default='unknown', max_length=12, verbose_name='attendance')),
                ('represented_by', models.CharField(blank=True, max_length=150, verbose_name='represented by')),
                ('invitation_sent_at', models.DateTimeField(blank=True, null=True)),
                ('recorded_at', models.DateTimeField(blank=True, null=True)),
                ('institution', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='meeting_participants', to='workgroups.institution', verbose_name='institution')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='meetings.meeting')),
                ('member', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='meeting_participations', to='workgroups.member', verbose_name='member')),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='meeting_participants', to='regions.region', verbose_name='region represented')),
            ],
            options={
                'verbose_name': 'participant',
                'verbose_name_plural': 'participants',
                'ordering': ['region__code', 'institution_name', 'name', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ProgressNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('author_name', models.CharField(blank=True, max_length=150, verbose_name="author's name")),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('text', models.TextField(verbose_name='progress note')),
                ('status_from', models.CharField(blank=True, choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done'), ('dropped', 'Dropped')], max_length=12)),
                ('status_to', models.CharField(blank=True, choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done'), ('dropped', 'Dropped')], max_length=12)),
                ('evidence', models.FileField(blank=True, upload_to=meetings.models.TypedUploadTo('action-evidence', 'evidence_type'), verbose_name='evidence')),
                ('evidence_type', models.CharField(blank=True, choices=[('pdf', 'PDF'), ('xlsx', 'Excel (XLSX)'), ('png', 'PNG'), ('jpg', 'JPEG')], max_length=4)),
                ('evidence_filename', models.CharField(blank=True, max_length=200)),
                ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='meetings.actionitem')),
            ],
            options={
                'verbose_name': 'progress note',
                'verbose_name_plural': 'progress notes',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ReminderLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('item_due_soon', 'Action item due soon'), ('item_overdue', 'Action item overdue'), ('meeting_tomorrow', 'Meeting tomorrow')], max_length=20)),
                ('object_id', models.PositiveBigIntegerField()),
                ('recipient', models.EmailField(max_length=254)),
                ('due_date', models.DateField()),
                ('region_code', models.CharField(blank=True, max_length=5)),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'reminder sent',
                'verbose_name_plural': 'reminders sent',
                'ordering': ['-sent_at', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('kind', 'object_id', 'recipient', 'due_date'), name='meetings_reminder_once', violation_error_message='This reminder was already sent.')],
            },
        ),
        migrations.AddIndex(
            model_name='announcement',
            index=models.Index(fields=['region', 'published_at'], name='meetings_announcement_region'),
        ),
        migrations.AddConstraint(
            model_name='announcementread',
            constraint=models.UniqueConstraint(fields=('announcement', 'region', 'user'), name='meetings_read_once', violation_error_message='This read is already recorded.'),
        ),
        migrations.AddIndex(
            model_name='announcementrecipient',
            index=models.Index(fields=['region'], name='meetings_recipient_region'),
        ),
        migrations.AddConstraint(
            model_name='announcementrecipient',
            constraint=models.UniqueConstraint(fields=('announcement', 'region'), name='meetings_recipient_once', violation_error_message='This region already receives the announcement.'),
        ),
        migrations.AddConstraint(
            model_name='letterhead',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('logo', ''), ('logo_type', '')), models.Q(models.Q(('logo', ''), _negated=True), models.Q(('logo_type', ''), _negated=True)), _connector='OR'), name='meetings_letterhead_logo_typed', violation_error_message='A logo needs its file type.'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['region', 'starts_at'], name='meetings_meeting_region_start'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['starts_at'], name='meetings_meeting_start'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['ends_at'], name='meetings_meeting_end'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='meetings_meeting_ends_after_start', violation_error_message='A meeting must end after it starts.'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('online_url', ''), ('venue', ''), _negated=True), name='meetings_meeting_has_place', violation_error_message='Give a venue or an online meeting link.'),
        ),
        migrations.AddIndex(
            model_name='invitedregion',
            index=models.Index(fields=['region'], name='meetings_invitedregion_region'),
        ),
        migrations.AddConstraint(
            model_name='invitedregion',
            constraint=models.UniqueConstraint(fields=('meeting', 'region'), name='meetings_invitedregion_once', violation_error_message='This region is already invited.'),
        ),
        migrations.AddConstraint(
            model_name='invitedinstitution',
            constraint=models.UniqueConstraint(fields=('meeting', 'institution'), name='meetings_invitedinstitution_once', violation_error_message='This institution is already invited.'),
        ),
        migrations.AddConstraint(
            model_name='agendaitem',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__isnull', True), ('starts_at__isnull', True), ('ends_at__gte', models.F('starts_at')), _connector='OR'), name='meetings_agendaitem_ordered', violation_error_message='A session cannot end before it starts.'),
        ),
        migrations.AddIndex(
            model_name='actionitem',
            index=models.Index(fields=['assigned_region', 'status', 'due_date'], name='meetings_item_assigned'),
        ),
        migrations.AddIndex(
            model_name='actionitem',
            index=models.Index(fields=['region', 'status', 'due_date'], name='meetings_item_region'),
        ),
        migrations.AddIndex(
            model_name='actionitem',
            index=models.Index(fields=['status', 'due_date'], name='meetings_item_due'),
        ),
        migrations.AddConstraint(
            model_name='actionitem',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('closed_at__isnull', False), ('status__in', ['done', 'dropped'])), models.Q(models.Q(('status__in', ['done', 'dropped']), _negated=True), ('closed_at__isnull', True)), _connector='OR'), name='meetings_actionitem_closed_pair', violation_error_message='A closed item has a closing time; an open one has none.'),
        ),
        migrations.AddConstraint(
            model_name='minutes',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('approved_at__isnull', True), ('approved_by__isnull', True)), models.Q(('approved_at__isnull', False), ('approved_by__isnull', False)), _connector='OR'), name='meetings_minutes_approval_pair', violation_error_message='Approval needs both the time and the approver.'),
        ),
        migrations.AddConstraint(
            model_name='participant',
            constraint=models.UniqueConstraint(condition=models.Q(('member__isnull', False)), fields=('meeting', 'member'), name='meetings_participant_member_once', violation_error_message='This member is already on the list.'),
        ),
        migrations.AddConstraint(
            model_name='participant',
            constraint=models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='meetings_participant_named', violation_error_message='A participant needs a name.'),
        ),
        migrations.AddConstraint(
            model_name='participant',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('attendance', 'represented'), _negated=True), models.Q(('represented_by', ''), _negated=True), _connector='OR'), name='meetings_participant_representative_named', violation_error_message='Write who represented the participant.'),
        ),
        migrations.AddConstraint(
            model_name='progressnote',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('evidence', ''), ('evidence_type', '')), models.Q(models.Q(('evidence', ''), _negated=True), models.Q(('evidence_type', ''), _negated=True)), _connector='OR'), name='meetings_progressnote_evidence_typed', violation_error_message='Evidence needs its file type.'),
        ),
    ]
