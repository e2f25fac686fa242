"""Helpers of the API tests."""

# The content type of a JSON body: the test client encodes a dict or list given with it as JSON,
# `client.post(path, {"name": "x"}, content_type=JSON)`, the way an API client sends it.
JSON = "application/json"
