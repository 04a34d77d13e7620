"""Benchmarks run by `make bench`: pipeline throughput against a bare pass of the models (`python -m
communique.bench`) and the HTTP API's latency on a large store (`python -m communique.bench.web`).

May import: everything.
"""
