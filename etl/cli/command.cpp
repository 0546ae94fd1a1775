#include "cli/command.hpp"

#include "core/errors.hpp"
#include "core/logging.hpp"

#include <iostream>
#include <sstream>

namespace etl::cli {

po::options_description command::all_options() const
{
    if (!m_own) {
        m_own = std::make_unique<po::options_description>("Options");
        m_positional = po::positional_options_description();
        const_cast<command *>(this)->add_options(*m_own, m_positional);
    }
    po::options_description general("General options");
    general.add_options()("help,h", "show this help and exit")(
        "config,c", po::value<std::string>()->value_name("FILE"),
        "configuration file (default: $INCIDENT_ETL_CONFIG, else config/etl.yaml of the source tree)")(
        "log-level", po::value<std::string>()->value_name("LEVEL"),
        "debug, info, warn, error or quiet (overrides log.level)");
    po::options_description all;
    all.add(*m_own).add(general);
    if (uses_database()) {
        po::options_description db("Database options");
        db.add_options()("database-url", po::value<std::string>()->value_name("URL"),
                         "PostgreSQL URI or key=value string; wins over INCIDENT_ETL_DATABASE_URL, PG* and "
                         "database.url. Without any of them the embedded cluster is used");
        all.add(db);
    }
    return all;
}

std::string command::help() const
{
    std::ostringstream out;
    out << "Usage: incident-etl " << name() << " " << synopsis() << "\n\n" << description() << "\n\n"
        << all_options();
    return out.str();
}

bool command::setup(std::vector<std::string> const &args)
{
    auto const options = all_options();
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(m_positional).run(), vm);
        if (vm.count("help")) {
            std::cout << help();
            return false;
        }
        po::notify(vm);
    } catch (po::error const &e) {
        throw usage_error(std::string(e.what()) + " (see 'incident-etl " + name() + " --help')");
    }
    m_config = load_config_file(vm.count("config") ? vm["config"].as<std::string>() : default_config_path());
    if (vm.count("log-level"))
        m_config.log.level = vm["log-level"].as<std::string>();
    set_log_level(parse_log_level(m_config.log.level));
    if (uses_database() && vm.count("database-url")) {
        m_config.database.url = vm["database-url"].as<std::string>();
        m_url_from_flag = true;
    }
    validate(vm);
    return true;
}

} // namespace etl::cli
