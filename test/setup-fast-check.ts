// Property tests explore new random inputs on every local run; in CI (CI=true)
// they replay one fixed seed so that a landing never depends on the draw.
// A counterexample found locally is fixed in the code and pinned by an
// ordinary test.
import fc from "fast-check";

if (process.env.CI) fc.configureGlobal({ seed: 20261125 });
