#include "load/embedded_postgres.hpp"

#include "core/errors.hpp"
#include "core/logging.hpp"
#include "core/process.hpp"

#include <pqxx/pqxx>

#include "core/hashing.hpp"

#include <filesystem>
#include <fstream>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace etl::load {

namespace {
constexpr char const *server_user = "postgres"; // the unprivileged account Debian's package creates
constexpr int socket_port = 5432;               // only names the socket file; no TCP port is opened

/// Can an unprivileged user enter every existing folder on the way to `dir`?
bool reachable_by_others(fs::path const &dir)
{
    for (fs::path p = fs::absolute(dir).lexically_normal(); !p.empty(); p = p.parent_path()) {
        struct stat st {};
        if (stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && !(st.st_mode & S_IXOTH))
            return false;
        if (p == p.root_path())
            break;
    }
    return true;
}

/// As root the server runs as 'postgres', which cannot enter a checkout under /root (mode 700):
/// then the cluster lives in a folder of its own under /var/lib/incident-etl, named after the
/// configured one so that every command finds the same cluster.
std::string cluster_dir(std::string const &configured)
{
    if (!running_as_root() || reachable_by_others(configured))
        return configured;
    auto const fallback = fs::path("/var/lib/incident-etl") /
                          sha256_hex(fs::absolute(configured).lexically_normal().string()).substr(0, 16);
    return fallback.string();
}

void give_to_server_user(fs::path const &p)
{
    if (!running_as_root())
        return;
    passwd const *pw = getpwnam(server_user);
    if (!pw)
        throw db_error("running as root needs the unprivileged 'postgres' user to own the embedded cluster; "
                       "install the postgresql package (scripts/setup)");
    if (chown(p.c_str(), pw->pw_uid, pw->pw_gid) != 0)
        throw db_error("cannot hand " + p.string() + " to the postgres user");
}
} // namespace

embedded_postgres::embedded_postgres(database_config const &cfg)
    : m_cfg(cfg), m_dir(cluster_dir(cfg.embedded_dir)), m_data_dir((fs::path(m_dir) / "data").string()),
      m_socket_dir((fs::path(m_dir) / "run").string()),
      m_log_file((fs::path(m_dir) / "log" / "postgresql.log").string())
{
}

bool embedded_postgres::initialised() const { return fs::exists(fs::path(m_data_dir) / "PG_VERSION"); }

bool embedded_postgres::running() const
{
    if (!initialised())
        return false;
    // pg_ctl status exits 0 while the postmaster named in postmaster.pid is alive
    return fs::exists(fs::path(m_data_dir) / "postmaster.pid") &&
           run_pg("pg_ctl", {"-D", m_data_dir, "status"}, false).exit_code == 0;
}

process_result embedded_postgres::run_pg(std::string const &program, std::vector<std::string> const &args,
                                         bool check) const
{
    std::vector<std::string> argv;
    if (running_as_root())
        argv = {"runuser", "-u", server_user, "--"};
    argv.push_back(m_cfg.postgres_bin_dir + "/" + program);
    argv.insert(argv.end(), args.begin(), args.end());
    auto const result = run_process(argv);
    if (check && result.exit_code != 0)
        throw db_error(program + " failed (exit " + std::to_string(result.exit_code) + ") for the embedded cluster in " +
                       m_dir + ":\n" + result.output + "\nserver log: " + m_log_file);
    return result;
}

void embedded_postgres::initialise()
{
    if (!fs::exists(m_cfg.postgres_bin_dir + "/initdb"))
        throw db_error("PostgreSQL 15 server programs not found in " + m_cfg.postgres_bin_dir +
                       " (database.postgres_bin_dir); run scripts/setup or configure database.url");
    log_info("creating the embedded PostgreSQL cluster in ", m_data_dir);
    if (m_dir != m_cfg.embedded_dir)
        log_info("(the postgres user cannot reach ", m_cfg.embedded_dir, ", so the cluster lives in ", m_dir, ")");
    for (auto const &dir : {fs::path(m_dir), fs::path(m_data_dir), fs::path(m_socket_dir),
                            fs::path(m_log_file).parent_path()}) {
        fs::create_directories(dir);
        give_to_server_user(dir);
    }
    fs::permissions(m_data_dir, fs::perms::owner_all, fs::perm_options::replace);
    run_pg("initdb", {"-D", m_data_dir, "-U", "postgres", "--auth-local=trust", "--auth-host=reject", "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-instructions"});
    std::ofstream conf(fs::path(m_data_dir) / "postgresql.conf", std::ios::app);
    conf << "\n# incident-etl embedded cluster: unix socket only\n"
         << "listen_addresses = ''\n"
         << "port = " << socket_port << "\n"
         << "unix_socket_directories = '" << fs::absolute(m_socket_dir).string() << "'\n"
         << "max_wal_size = '1GB'\n";
    if (!conf)
        throw db_error("cannot write " + m_data_dir + "/postgresql.conf");
}

void embedded_postgres::start()
{
    log_info("starting the embedded PostgreSQL server (socket in ", m_socket_dir, ")");
    run_pg("pg_ctl", {"-D", m_data_dir, "-l", m_log_file, "-w", "-t", "60", "start"});
}

void embedded_postgres::create_database()
{
    std::string const admin = "host=" + fs::absolute(m_socket_dir).string() + " port=" + std::to_string(socket_port) +
                              " user=postgres dbname=postgres";
    pqxx::connection conn(admin);
    pqxx::nontransaction tx(conn);
    auto const exists = tx.exec_params("select 1 from pg_database where datname = $1", m_cfg.embedded_database);
    if (exists.empty()) {
        log_info("creating database ", m_cfg.embedded_database);
        tx.exec0("create database " + tx.quote_name(m_cfg.embedded_database));
    }
}

void embedded_postgres::ensure_running()
{
    if (!initialised())
        initialise();
    if (!running())
        start();
    create_database();
}

void embedded_postgres::stop()
{
    if (!running()) {
        log_info("the embedded PostgreSQL server is not running");
        return;
    }
    run_pg("pg_ctl", {"-D", m_data_dir, "-w", "-m", "fast", "stop"});
    log_info("stopped the embedded PostgreSQL server");
}

std::string embedded_postgres::status_text() const
{
    if (!initialised())
        return "embedded cluster: not created (" + m_data_dir + ")";
    if (!running())
        return "embedded cluster: stopped (" + m_data_dir + ")";
    return "embedded cluster: running, socket " + m_socket_dir + ", database " + m_cfg.embedded_database;
}

std::string embedded_postgres::conninfo() const
{
    return "host=" + fs::absolute(m_socket_dir).string() + " port=" + std::to_string(socket_port) +
           " user=postgres dbname=" + m_cfg.embedded_database;
}

} // namespace etl::load
