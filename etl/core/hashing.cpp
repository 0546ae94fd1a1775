#include "core/hashing.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace etl {

std::string sha256_hex(std::string_view bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    static char const hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 0xF]);
    }
    return out;
}

std::string base64_encode(std::string_view bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3), '\0');
    auto const n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                   reinterpret_cast<unsigned char const *>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string base64_decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return {};
    std::string out(3 * text.size() / 4, '\0');
    auto const n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                   reinterpret_cast<unsigned char const *>(text.data()), static_cast<int>(text.size()));
    if (n < 0)
        return {};
    out.resize(static_cast<std::size_t>(n) - (text.size() >= 1 && text.back() == '=') - (text.size() >= 2 && text[text.size() - 2] == '='));
    return out;
}

namespace {

std::string hmac_sha256(std::string_view key, std::string_view message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<unsigned char const *>(message.data()),
              message.size(), out, &length))
        throw std::runtime_error("HMAC-SHA-256 failed");
    return std::string(reinterpret_cast<char *>(out), length);
}

} // namespace

std::string scram_sha256_verifier(std::string_view password, std::string salt, int iterations)
{
    if (salt.empty()) {
        salt.resize(16);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), static_cast<int>(salt.size())) != 1)
            throw std::runtime_error("no random bytes for a password salt");
    }
    unsigned char salted[32];
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<unsigned char const *>(salt.data()), static_cast<int>(salt.size()), iterations,
                          EVP_sha256(), sizeof salted, salted) != 1)
        throw std::runtime_error("PBKDF2 failed");
    std::string_view const salted_password(reinterpret_cast<char *>(salted), sizeof salted);
    auto const client_key = hmac_sha256(salted_password, "Client Key");
    unsigned char stored[32];
    unsigned int length = 0;
    if (EVP_Digest(client_key.data(), client_key.size(), stored, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    auto const server_key = hmac_sha256(salted_password, "Server Key");
    return "SCRAM-SHA-256$" + std::to_string(iterations) + ":" + base64_encode(salt) + "$" +
           base64_encode(std::string_view(reinterpret_cast<char *>(stored), length)) + ":" + base64_encode(server_key);
}

} // namespace etl
