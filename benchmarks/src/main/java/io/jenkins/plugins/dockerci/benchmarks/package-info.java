/**
 * Benchmark harnesses: each main class runs the engine and the docker CLI alternately on the same scenario and
 * writes a Markdown report with measured numbers to {@code benchmarks/results/}. Run them with {@code benchmarks/run}.
 * Benchmarks measure; tests never assert timings.
 */
package io.jenkins.plugins.dockerci.benchmarks;
