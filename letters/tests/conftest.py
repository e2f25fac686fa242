import pytest

from tests.pki import PASSWORD, make_pki


@pytest.fixture
def pki():
    return make_pki()


@pytest.fixture
def env_certificate(settings, tmp_path, pki):
    """The installation's certificate from the environment (SIPOKJA_SIGNING_P12_FILE)."""
    path = tmp_path / "office.p12"
    path.write_bytes(pki.p12)
    settings.SIPOKJA_SIGNING_P12_FILE = str(path)
    settings.SIPOKJA_SIGNING_P12_PASSWORD = PASSWORD
    settings.SIPOKJA_SIGNING_SIGNER_TITLE = "Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan"
    return pki


@pytest.fixture
def trusted_ca(settings, tmp_path, pki):
    """The test CA configured as trust root (SIPOKJA_SIGNATURE_TRUST_ROOTS)."""
    path = tmp_path / "roots.pem"
    path.write_bytes(pki.ca_pem)
    settings.SIPOKJA_SIGNATURE_TRUST_ROOTS = str(path)
    return pki
