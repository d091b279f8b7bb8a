//! Emits the link arguments a Node addon needs (symbols resolved by Node at load time).

fn main() {
    napi_build::setup();
}
