// incident-etl: news articles in, deduplicated incidents in PostgreSQL out.

#include "cli/command.hpp"
#include "core/errors.hpp"
#include "core/logging.hpp"

#include <pqxx/pqxx>

#include <csignal>
#include <iostream>

namespace {

void print_usage(std::vector<std::unique_ptr<etl::cli::command>> const &commands)
{
    std::cout << "Usage: incident-etl COMMAND [options]\n\n"
                 "Turns news articles into a deduplicated table of violent incidents in PostgreSQL.\n\n"
                 "Commands:\n";
    for (auto const &c : commands)
        std::cout << "  " << c->name() << std::string(10 - std::min<std::size_t>(9, c->name().size()), ' ')
                  << c->summary() << "\n";
    std::cout << "\nRun 'incident-etl COMMAND --help' for a command's options.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace etl::cli;
    // a server that goes away mid-write must be an error to retry, not the end of the process
    std::signal(SIGPIPE, SIG_IGN);
    auto commands = make_commands();
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" || std::string(argv[1]) == "help") {
        print_usage(commands);
        return argc < 2 ? exit_usage : exit_ok;
    }
    if (std::string(argv[1]) == "--version") {
        std::cout << "incident-etl " << ETL_VERSION << "\n";
        return exit_ok;
    }
    std::string const name = argv[1];
    command *cmd = nullptr;
    for (auto &c : commands)
        if (c->name() == name)
            cmd = c.get();
    if (!cmd) {
        std::cerr << "incident-etl: unknown command '" << name << "'\n\n";
        print_usage(commands);
        return exit_usage;
    }
    try {
        if (!cmd->setup(std::vector<std::string>(argv + 2, argv + argc)))
            return exit_ok;
    } catch (etl::usage_error const &e) {
        std::cerr << "incident-etl " << name << ": " << e.what() << "\n";
        return exit_usage;
    } catch (etl::config_error const &e) {
        std::cerr << "incident-etl " << name << ": configuration error: " << e.what() << "\n";
        return exit_usage;
    }
    try {
        return cmd->run();
    } catch (etl::usage_error const &e) { // a request the database cannot serve: no such incident or mart
        etl::log_error(e.what());
        return exit_usage;
    } catch (etl::busy_error const &e) {
        etl::log_error(e.what());
        return exit_busy;
    } catch (etl::interrupted_error const &e) {
        etl::log_warn(e.what());
        return 128 + e.signal; // the shell's convention for a signal
    } catch (etl::config_error const &e) {
        etl::log_error("configuration error: ", e.what());
        return exit_usage;
    } catch (pqxx::sql_error const &e) {
        etl::log_error("database error: ", e.what(), " (SQLSTATE ", e.sqlstate(), ")");
        return exit_failure;
    } catch (std::exception const &e) {
        etl::log_error(e.what());
        return exit_failure;
    }
}
