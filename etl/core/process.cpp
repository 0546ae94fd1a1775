#include "core/process.hpp"

#include "core/errors.hpp"

#include <cerrno>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

namespace etl {

namespace {
std::vector<char *> c_argv(std::vector<std::string> const &argv)
{
    std::vector<char *> out;
    out.reserve(argv.size() + 1);
    for (auto const &a : argv)
        out.push_back(const_cast<char *>(a.c_str()));
    out.push_back(nullptr);
    return out;
}
} // namespace

process_result run_process(std::vector<std::string> const &argv)
{
    int fds[2];
    if (pipe(fds) != 0)
        throw etl_error(std::string("pipe failed: ") + std::strerror(errno));
    auto args = c_argv(argv);
    pid_t const pid = fork();
    if (pid < 0)
        throw etl_error(std::string("fork failed: ") + std::strerror(errno));
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execvp(args[0], args.data());
        std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    process_result result;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            result.output.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

void exec_process(std::vector<std::string> const &argv)
{
    auto args = c_argv(argv);
    execvp(args[0], args.data());
    throw etl_error("cannot run " + argv[0] + ": " + std::strerror(errno));
}

bool running_as_root() { return geteuid() == 0; }

} // namespace etl
