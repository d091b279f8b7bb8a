// Types of the Node entry: the exports of the nodejs target, and an `init()` like the web
// target's that resolves at once.
export * from "./pkg/nodejs/replog_wasm.js";
export default function init(): Promise<unknown>;
