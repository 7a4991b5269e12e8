fn main() {
    std::process::exit(rounds::cli::main());
}
