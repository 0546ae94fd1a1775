#include "core/config.hpp"

#include "core/errors.hpp"
#include "core/hashing.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace etl {

namespace {

std::string absolute_in(std::string const &base_dir, std::string const &path)
{
    if (path.empty())
        return path;
    fs::path p(path);
    if (p.is_relative())
        p = fs::path(base_dir) / p;
    return p.lexically_normal().string();
}

class config_reader {
public:
    config_reader(std::string file, etl_config &cfg, std::string base_dir)
        : m_file(std::move(file)), m_cfg(cfg), m_base(std::move(base_dir))
    {
    }

    void read(YAML::Node const &root)
    {
        if (root.IsNull())
            return;
        if (!root.IsMap())
            fail("", root, "the top level must be a mapping of sections");
        using section_fn = void (config_reader::*)(std::string const &, YAML::Node const &);
        static std::map<std::string, section_fn> const sections{
            {"database", &config_reader::database}, {"input", &config_reader::input},
            {"extract", &config_reader::extract},   {"dedup", &config_reader::dedup},
            {"load", &config_reader::load},         {"log", &config_reader::log}};
        for (auto const &kv : root) {
            auto const key = kv.first.as<std::string>();
            auto const it = sections.find(key);
            if (it == sections.end())
                fail(key, kv.first, "unknown section (known: database, input, extract, dedup, load, log)");
            if (kv.second.IsNull())
                continue;
            if (!kv.second.IsMap())
                fail(key, kv.second, "must be a mapping");
            (this->*(it->second))(key, kv.second);
        }
    }

private:
    using setter = std::function<void(std::string const &, YAML::Node const &)>;

    void each(std::string const &section, YAML::Node const &node, std::map<std::string, setter> const &keys)
    {
        for (auto const &kv : node) {
            auto const key = kv.first.as<std::string>();
            auto const path = section + "." + key;
            auto const it = keys.find(key);
            if (it == keys.end()) {
                std::string known;
                for (auto const &k : keys)
                    known += (known.empty() ? "" : ", ") + k.first;
                fail(path, kv.first, "unknown key (known in " + section + ": " + known + ")");
            }
            it->second(path, kv.second);
        }
    }

    std::string str(std::string const &path, YAML::Node const &n)
    {
        if (!n.IsScalar() && !n.IsNull())
            fail(path, n, "must be a string");
        return n.IsNull() ? std::string() : n.as<std::string>();
    }

    std::size_t count(std::string const &path, YAML::Node const &n, std::size_t min)
    {
        if (!n.IsScalar())
            fail(path, n, "must be a whole number");
        auto const text = n.as<std::string>();
        char *end = nullptr;
        errno = 0;
        long long const v = std::strtoll(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || errno != 0 || v < 0)
            fail(path, n, "must be a whole number, got '" + text + "'");
        if (static_cast<std::size_t>(v) < min)
            fail(path, n, "must be at least " + std::to_string(min));
        return static_cast<std::size_t>(v);
    }

    bool boolean(std::string const &path, YAML::Node const &n)
    {
        bool value = false;
        if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
            fail(path, n, "must be true or false");
        return value;
    }

    std::string path_value(std::string const &path, YAML::Node const &n) { return absolute_in(m_base, str(path, n)); }

    void database(std::string const &s, YAML::Node const &n)
    {
        auto &d = m_cfg.database;
        each(s, n,
             {{"url", [&](auto const &p, auto const &v) { d.url = str(p, v); }},
              {"embedded_dir", [&](auto const &p, auto const &v) { d.embedded_dir = path_value(p, v); }},
              {"embedded_database", [&](auto const &p, auto const &v) { d.embedded_database = str(p, v); }},
              {"postgres_bin_dir", [&](auto const &p, auto const &v) { d.postgres_bin_dir = str(p, v); }},
              {"schema_dir", [&](auto const &p, auto const &v) { d.schema_dir = path_value(p, v); }},
              {"analysis_dir", [&](auto const &p, auto const &v) { d.analysis_dir = path_value(p, v); }},
              {"bi_password", [&](auto const &p, auto const &v) { d.bi_password = str(p, v); }},
              {"retries", [&](auto const &p, auto const &v) { d.retries = count(p, v, 0); }},
              {"retry_delay_ms", [&](auto const &p, auto const &v) { d.retry_delay_ms = count(p, v, 0); }}});
        if (d.embedded_database.empty())
            fail(s + ".embedded_database", n, "must not be empty");
    }

    void input(std::string const &s, YAML::Node const &n)
    {
        each(s, n,
             {{"max_article_bytes", [&](auto const &p, auto const &v) { m_cfg.input.max_article_bytes = count(p, v, 1); }},
              {"follow_links_outside",
               [&](auto const &p, auto const &v) { m_cfg.input.follow_links_outside = boolean(p, v); }}});
    }

    void extract(std::string const &s, YAML::Node const &n)
    {
        auto &e = m_cfg.extract;
        each(s, n,
             {{"lexicon_dir", [&](auto const &p, auto const &v) { e.lexicon_dir = path_value(p, v); }},
              {"gazetteer_dir", [&](auto const &p, auto const &v) { e.gazetteer_dir = path_value(p, v); }},
              {"threads", [&](auto const &p, auto const &v) { e.threads = static_cast<unsigned>(count(p, v, 0)); }}});
    }

    void dedup(std::string const &s, YAML::Node const &n)
    {
        each(s, n, {{"settings_file", [&](auto const &p, auto const &v) {
                         m_cfg.dedup.settings_file = path_value(p, v);
                     }}});
    }

    void load(std::string const &s, YAML::Node const &n)
    {
        each(s, n, {{"batch_size", [&](auto const &p, auto const &v) { m_cfg.load.batch_size = count(p, v, 1); }}});
    }

    void log(std::string const &s, YAML::Node const &n)
    {
        each(s, n,
             {{"level",
               [&](auto const &p, auto const &v) {
                   auto const level = str(p, v);
                   if (level != "debug" && level != "info" && level != "warn" && level != "error" && level != "quiet")
                       fail(p, v, "must be one of debug, info, warn, error, quiet; got '" + level + "'");
                   m_cfg.log.level = level;
               }},
              {"progress_every", [&](auto const &p, auto const &v) { m_cfg.log.progress_every = count(p, v, 0); }}});
    }

    [[noreturn]] void fail(std::string const &key, YAML::Node const &n, std::string const &what) const
    {
        std::ostringstream msg;
        msg << m_file;
        if (n.Mark().line >= 0)
            msg << ":" << n.Mark().line + 1;
        msg << ": ";
        if (!key.empty())
            msg << "'" << key << "' ";
        msg << what;
        throw config_error(msg.str());
    }

    std::string m_file;
    etl_config &m_cfg;
    std::string m_base;
};

} // namespace

etl_config default_config(std::string const &base_dir)
{
    etl_config cfg;
    cfg.database.embedded_dir = absolute_in(base_dir, "../var/pg");
    cfg.database.schema_dir = absolute_in(base_dir, "../schema");
    cfg.database.analysis_dir = absolute_in(base_dir, "../sql/analysis");
    cfg.extract.lexicon_dir = absolute_in(base_dir, "lexicon");
    cfg.extract.gazetteer_dir = absolute_in(base_dir, "gazetteer");
    cfg.dedup.settings_file = absolute_in(base_dir, "dedup.yaml");
    return cfg;
}

etl_config load_config_file(std::string const &path)
{
    auto const base = fs::absolute(path).parent_path().string();
    etl_config cfg = default_config(base);
    cfg.source_file = path;
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (YAML::BadFile const &) {
        throw config_error(path + ": cannot read the configuration file");
    } catch (YAML::ParserException const &e) {
        throw config_error(path + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
    }
    config_reader(path, cfg, base).read(root);
    return cfg;
}

std::string default_config_path()
{
    if (char const *env = std::getenv("INCIDENT_ETL_CONFIG"); env && *env)
        return env;
    return std::string(ETL_SOURCE_DIR) + "/config/etl.yaml";
}

std::string etl_config::hash() const
{
    std::ostringstream s;
    s << database.embedded_database << '\n'
      << input.max_article_bytes << '\n'
      << input.follow_links_outside << '\n'
      << extract.lexicon_dir << '\n'
      << extract.gazetteer_dir << '\n'
      << dedup.settings_file << '\n'
      << load.batch_size << '\n';
    return sha256_hex(s.str()).substr(0, 16);
}

} // namespace etl
