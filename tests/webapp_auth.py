"""Signed Mini App launch data for tests: what Telegram hands an app it opens, made here
with the bot's token as Telegram makes it (https://core.telegram.org/bots/webapps, "Validating
data received via the Mini App")."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from urllib.parse import urlencode


def signed_init_data(
    token: str,
    user_id: int,
    first_name: str = "Sam",
    auth_date: int | None = None,
    language_code: str | None = None,
    **fields: str,
) -> str:
    """initData for `user_id`, signed with `token` (auth_date: now, unless given)."""
    person: dict[str, object] = {"id": user_id, "first_name": first_name}
    if language_code is not None:
        person["language_code"] = language_code
    user = json.dumps(person, separators=(",", ":"))
    data = {
        "auth_date": str(int(time.time()) if auth_date is None else auth_date),
        "query_id": "AAHtest",
        "user": user,
        **fields,
    }
    check = "\n".join(f"{key}={data[key]}" for key in sorted(data))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    data["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(data)


def authorization(init_data: str) -> dict[str, str]:
    """The header a data call carries."""
    return {"Authorization": f"tma {init_data}"}
