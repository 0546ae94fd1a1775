#include "cli/commands.hpp"

namespace etl::cli {

std::vector<std::unique_ptr<command>> make_commands()
{
    std::vector<std::unique_ptr<command>> commands;
    commands.push_back(std::make_unique<command_run>());
    commands.push_back(std::make_unique<command_extract>());
    commands.push_back(std::make_unique<command_export>());
    commands.push_back(std::make_unique<command_explain_incident>());
    commands.push_back(std::make_unique<command_merge>());
    commands.push_back(std::make_unique<command_split>());
    commands.push_back(std::make_unique<command_migrate>());
    commands.push_back(std::make_unique<command_status>());
    commands.push_back(std::make_unique<command_db>());
    commands.push_back(std::make_unique<command_bench>());
    return commands;
}

} // namespace etl::cli
