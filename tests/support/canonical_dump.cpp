#include "support/canonical_dump.hpp"

namespace etl::test {

std::string canonical_dump(pqxx::connection &conn)
{
    pqxx::read_transaction tx(conn);
    auto const relations = tx.exec(
        "select 'public', table_name::text from information_schema.tables where table_schema = 'public'"
        " and table_type = 'BASE TABLE' and table_name not in ('etl_runs', 'schema_migrations', 'analysis_layer')"
        " union all select schemaname::text, matviewname::text from pg_matviews where schemaname = 'marts'"
        " order by 1, 2");
    std::string dump;
    for (auto const &rel : relations) {
        auto const schema = rel[0].as<std::string>();
        auto const name = rel[1].as<std::string>();
        auto const distinct = name == "rejected_inputs" ? "distinct " : "";
        auto const rows = tx.exec1(
            "select count(" + std::string(distinct) + "r), coalesce(string_agg(" + std::string(distinct) + "r, E'\\n' order by r), '') from ("
            " select (select jsonb_object_agg(key, value) from jsonb_each(to_jsonb(t))"
            "         where key !~ '(_run|^run_id|_at|^rejection_id)$')::text as r"
            " from " + tx.quote_name(schema) + "." + tx.quote_name(name) + " t) s");
        dump += "== " + schema + "." + name + " (" + rows[0].c_str() + " rows)\n" + rows[1].c_str() + "\n";
    }
    return dump;
}

} // namespace etl::test
