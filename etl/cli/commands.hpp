#pragma once
// The subcommands of incident-etl, one class each (one .cpp each).

#include "cli/command.hpp"
#include "dedup/scoring.hpp"

#include <cstdint>

namespace etl::cli {

class command_run : public command {
public:
    std::string name() const override { return "run"; }
    std::string summary() const override { return "ingest, extract, deduplicate and load articles into PostgreSQL"; }
    std::string synopsis() const override { return "--input PATH... [options]"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    void validate(po::variables_map const &vm) override;
    bool uses_database() const override { return true; }

private:
    std::vector<std::string> m_inputs;
    etl_config m_overrides;
    bool m_wait = false;
};

class command_extract : public command {
public:
    std::string name() const override { return "extract"; }
    std::string summary() const override { return "extract and deduplicate without a database; JSON Lines on stdout"; }
    std::string synopsis() const override { return "--input PATH... [options]"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    void validate(po::variables_map const &vm) override;

private:
    std::vector<std::string> m_inputs;
    std::string m_output;
    bool m_explain = false;
    etl_config m_overrides;
};

class command_export : public command {
public:
    std::string name() const override { return "export"; }
    std::string summary() const override { return "write every incident, or one mart, as JSON Lines or CSV"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    void validate(po::variables_map const &vm) override;
    bool uses_database() const override { return true; }

private:
    std::string m_output;
    std::string m_format;
    std::string m_table;
};

class command_migrate : public command {
public:
    std::string name() const override { return "migrate"; }
    std::string summary() const override { return "apply the schema migrations the database does not have yet"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    bool uses_database() const override { return true; }

private:
    std::string m_schema_dir;
    bool m_rebuild = false;
};

class command_db : public command {
public:
    std::string name() const override { return "db"; }
    std::string summary() const override { return "start, stop, inspect or open psql on the embedded PostgreSQL"; }
    std::string synopsis() const override { return "start|stop|status|psql [options]"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    void validate(po::variables_map const &vm) override;
    bool uses_database() const override { return true; }

private:
    std::string m_action;
    std::string m_sql;
};

class command_merge : public command {
public:
    std::string name() const override { return "merge"; }
    std::string summary() const override { return "record that incidents are one event and merge them"; }
    std::string synopsis() const override { return "INCIDENT_ID INCIDENT_ID... [--note TEXT] [options]"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    bool uses_database() const override { return true; }

private:
    std::vector<std::string> m_ids;
    std::string m_note;
    bool m_wait = false;
};

class command_split : public command {
public:
    std::string name() const override { return "split"; }
    std::string summary() const override { return "record that reports are not the incident they were merged into"; }
    std::string synopsis() const override { return "INCIDENT_ID --report ARTICLE_ID#ORDINAL... [--note TEXT] [options]"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    void validate(po::variables_map const &vm) override;
    bool uses_database() const override { return true; }

private:
    std::string m_id;
    std::vector<std::string> m_report_args;
    std::vector<dedup::report_ref> m_reports;
    std::string m_note;
    bool m_wait = false;
};

class command_explain_incident : public command {
public:
    std::string name() const override { return "explain-incident"; }
    std::string summary() const override { return "show an incident's reports and the pair scores that joined them"; }
    std::string synopsis() const override { return "INCIDENT_ID [--all-pairs] [options]"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    bool uses_database() const override { return true; }

private:
    std::string m_id;
    bool m_all_pairs = false;
};

class command_status : public command {
public:
    std::string name() const override { return "status"; }
    std::string summary() const override { return "show the latest runs and the writer lock; exit status for monitoring"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    bool uses_database() const override { return true; }

private:
    int m_runs = 10;
};

class command_bench : public command {
public:
    std::string name() const override { return "bench"; }
    std::string summary() const override { return "measure each stage on synthetic articles (docs/performance.md)"; }
    std::string description() const override;
    int run() override;

protected:
    void add_options(po::options_description &options, po::positional_options_description &positional) override;
    void validate(po::variables_map const &vm) override;
    bool uses_database() const override { return true; }

private:
    std::vector<std::string> m_stages;
    long m_articles = 10000;
    unsigned m_threads = 0;
    bool m_json = false;
    std::uint64_t m_seed = 20240109;
    double m_incident_share = 0.3;
    std::string m_database = "incident_bench";
    std::string m_work_dir;
    std::string m_write_articles;
};

} // namespace etl::cli
