"""Real servers the scaling tests share: Redis (127.0.0.1:6379 on this machine class; .ci/run
starts one) and an S3-compatible server (moto's, started by the test)."""

import os
import socket
import subprocess
import sys
import time
import uuid

import pytest

REDIS_URL = os.environ.get("SIPOKJA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def closed_url() -> str:
    """A Redis URL where nothing listens."""
    return f"redis://127.0.0.1:{free_port()}/0"


def redis_or_skip() -> str:
    """The test Redis URL; the test is skipped when none answers (fails in CI, which sets
    SIPOKJA_REQUIRE_REDIS=1 after starting one)."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("SIPOKJA_REQUIRE_REDIS") == "1":
            pytest.fail(f"no Redis answers at {REDIS_URL}")
        pytest.skip(f"no Redis answers at {REDIS_URL}")
    return REDIS_URL


def redis_caches(location: str) -> dict:
    """CACHES for the safe Redis backend at `location`, under a prefix of its own."""
    return {
        "default": {
            "BACKEND": "core.cache.SafeRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }


class S3Server:
    """moto's S3-compatible server in a process of its own, on a free port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("the S3 server did not start") from None
                time.sleep(0.2)

    def settings(self, bucket: str) -> dict:
        """The environment that switches Sipokja to this server."""
        return {
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
        }

    def make_bucket(self, bucket: str) -> None:
        import boto3

        boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        ).create_bucket(Bucket=bucket)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
