/// mimalloc rather than the system allocator: sled allocates and frees a
/// node per write, and glibc's malloc spent about half of a large `sync
/// import` in its free lists (docs/benchmarks.md, "Streaming bundles").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(rounds::cli::main());
}
