#pragma once

#include <string>
#include <string_view>

namespace etl {

/// SHA-256 of the bytes, as 64 lower-case hex digits (OpenSSL's libcrypto).
std::string sha256_hex(std::string_view bytes);

/// A PostgreSQL SCRAM-SHA-256 password verifier (RFC 5802/7677, as pg_authid stores it):
/// "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>", base64. Given to ALTER ROLE ...
/// PASSWORD, it sets the password without the password itself reaching the server or its logs.
/// The password is used as its UTF-8 bytes (PostgreSQL's SASLprep leaves ASCII and NFKC text
/// unchanged). An empty salt draws 16 random bytes.
std::string scram_sha256_verifier(std::string_view password, std::string salt = {}, int iterations = 4096);

/// Standard base64 with padding, and back (empty on bad input).
std::string base64_encode(std::string_view bytes);
std::string base64_decode(std::string_view text);

} // namespace etl
