"""Small pieces shared by the apps' API modules: the fields a PATCH body sets and a versioned
delete answered with 204."""

from ninja import Status


def patch_fields(payload, *, drop_none=True, keep=()) -> dict:
    """The fields a PATCH body sets, without `version`; `None` values are dropped (but for the
    `keep` keys) unless `drop_none` is false."""
    fields = payload.model_dump(exclude_unset=True, exclude={"version"})
    if not drop_none:
        return fields
    return {k: v for k, v in fields.items() if v is not None or k in keep}


def deleted(delete, request, version, **record) -> Status:
    """Call the service `delete(by=…, expected_version=version, **record)`; answer 204."""
    delete(by=request.user, expected_version=version, **record)
    return Status(204, None)
