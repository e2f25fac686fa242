import core.uploads
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True
    dependencies = [('regions', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='BoundaryMap',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('source', models.FileField(upload_to=core.uploads.UploadTo('boundary-maps', 'geojson'), verbose_name='GeoJSON file')),
                ('original_filename', models.CharField(blank=True, max_length=200, verbose_name='file name')),
                ('feature_count', models.PositiveIntegerField(default=0, verbose_name='number of areas')),
                ('view_box', models.CharField(max_length=60)),
                ('uploaded_at', models.DateTimeField(auto_now=True, verbose_name='uploaded at')),
                ('province', models.OneToOneField(limit_choices_to={'level': 'province'}, on_delete=django.db.models.deletion.CASCADE, related_name='boundary_map', to='regions.region', verbose_name='province')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'boundary map',
                'verbose_name_plural': 'boundary maps',
            },
        ),
        migrations.CreateModel(
            name='BoundaryShape',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('path', models.TextField()),
                ('view_box', models.CharField(max_length=60)),
                ('boundary_map', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shapes', to='dashboards.boundarymap')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='boundary_shapes', to='regions.region')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('boundary_map', 'region'), name='dashboards_shape_unique_region', violation_error_message='A boundary map has one shape per kab/kota.')],
            },
        ),
    ]
