#include "cli/commands.hpp"

#include "core/errors.hpp"
#include "pipeline.hpp"
#include "report/export_writer.hpp"

#include <fstream>
#include <iostream>

namespace etl::cli {

std::string command_extract::description() const
{
    return "Reads the inputs, extracts incident reports and deduplicates them in memory, without a\n"
           "database, and writes the incidents as JSON Lines in the export format. For debugging rules\n"
           "and for golden tests. Inputs: a manifest (.yaml), JSON Lines (.jsonl), a directory of\n"
           ".txt/.html files, or single files (see README, 'Input formats').";
}

void command_extract::add_options(po::options_description &options, po::positional_options_description &positional)
{
    options.add_options()("input,i", po::value<std::vector<std::string>>(&m_inputs)->required()->value_name("PATH"),
                          "input file or directory; repeatable, also positional")(
        "output,o", po::value<std::string>(&m_output)->value_name("FILE"), "write to FILE instead of standard output")(
        "explain", po::bool_switch(&m_explain),
        "add to every report an \"explain\" list: the rule or lexicon entry behind each field")(
        "threads", po::value<unsigned>()->value_name("N"), "extraction threads, 0 = one per core (overrides extract.threads)");
    positional.add("input", -1);
}

void command_extract::validate(po::variables_map const &vm)
{
    m_overrides = config();
    if (vm.count("threads"))
        m_overrides.extract.threads = vm["threads"].as<unsigned>();
}

int command_extract::run()
{
    std::vector<ingest::rejection> rejections;
    auto const incidents = extract_without_database(m_overrides, m_inputs, m_explain, rejections);
    std::ofstream file;
    if (!m_output.empty()) {
        file.open(m_output, std::ios::binary | std::ios::trunc);
        if (!file)
            throw etl_error("cannot write " + m_output);
    }
    std::ostream &out = m_output.empty() ? std::cout : file;
    report::export_writer writer(out, report::export_format::jsonl);
    for (auto const &inc : incidents)
        writer.write(inc);
    out.flush();
    return rejections.empty() ? exit_ok : exit_with_rejections;
}

} // namespace etl::cli
