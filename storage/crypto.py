"""Channel addresses at rest: encrypted (Fernet) with a keyed hash (HMAC-SHA256) for look-up."""
from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"townsquare", info=purpose).derive(
        secret.encode())


class AddressCipher:
    """Encrypts addresses and makes the look-up hash; both keys derive from one secret."""

    def __init__(self, secret: str):
        if not secret:
            raise ValueError("an address key is required")
        self._fernet = Fernet(base64.urlsafe_b64encode(_derive(secret, b"address-encryption")))
        self._hash_key = _derive(secret, b"address-lookup")

    def lookup_hash(self, channel: str, address: str) -> str:
        """A stable keyed hash of (channel, address): finds a resident without storing the address."""
        message = f"{channel}:{address.strip()}".encode()
        return hmac.new(self._hash_key, message, hashlib.sha256).hexdigest()

    def encrypt(self, address: str) -> bytes:
        return self._fernet.encrypt(address.encode())

    def decrypt(self, token: bytes) -> str:
        return self._fernet.decrypt(token).decode()
