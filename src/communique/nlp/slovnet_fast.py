"""slovnet's 1-D convolution and word embedding, each array built in long runs: the same outputs, less copying.

slovnet's `Conv1d` (the CNN encoders of natasha's morphology, syntax and NER models) pads its input with
`numpy.pad`, then copies a strided view of the windows into the matrix it multiplies by its filters. That copy's
innermost loop runs over the kernel's three positions, so it costs about half as much as the product itself
(py-spy on the diplomacy bench: 2.9% of the pipeline's time in the copy, 6.5% in the product, 1.6% in the
padding). :func:`convolve` builds the same matrix, element for element (the padded input transposed once, then one
block per kernel position, each a run over the channels), and multiplies it as slovnet does (the same arrays in
the same layout, one `numpy.matmul`), so every output is the same to the bit; measured on batches of 64 sentences
of 330 channels, 6.2 -> 2.5 ms for the matrix.

slovnet's `NavecEmbedding` reads each word's vector from its quantised codes with one fancy index over two arrays
(1.6% of the diplomacy pipeline); :func:`embed` takes the same rows from the codes laid flat (4x faster on a
batch of 64 sentences of 40 words), the same values.

They run where the pipeline asks for them (:func:`fast_convolutions`, around its calls of natasha's models):
slovnet's own code runs everywhere else (the benchmark's bare pass of the models).
"""
from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from typing import Any

import numpy

_ON = threading.local()


def convolve(conv: Any, input: Any) -> Any:
    """What `slovnet.exec.model.Conv1d.__call__` gives for `input` (batch x channels x positions)."""
    batch, channels, length = input.shape
    filters, _, kernel = conv.weight.shape
    pad = conv.padding
    padded = numpy.zeros((batch, length + 2 * pad, channels), dtype=input.dtype)
    padded[:, pad:pad + length, :] = input.transpose(0, 2, 1)
    count = length + 2 * pad - kernel + 1
    windows = numpy.empty((batch, count, channels, kernel), dtype=input.dtype)
    for k in range(kernel):
        windows[:, :, :, k] = padded[:, k:k + count, :]
    windows = windows.reshape(batch * count, channels * kernel)
    weight = conv.weight.array.reshape(filters, channels * kernel)
    output = numpy.matmul(windows, weight.T) + conv.bias.array
    return output.reshape(batch, count, filters).swapaxes(2, 1)     # batch x filters x windows, as slovnet's


def embed(embedding: Any, input: Any) -> Any:
    """What `slovnet.exec.model.NavecEmbedding.__call__` gives for `input` (word ids of any shape)."""
    codes = embedding.codes.array                     # parts x centroids x part's width
    parts, centroids, width = codes.shape
    rows = embedding.indexes.array[input.ravel()] + _part_offsets(parts, centroids)    # each word's centroids
    return codes.reshape(parts * centroids, width).take(rows, axis=0).reshape(*input.shape, parts * width)


@functools.cache
def _part_offsets(parts: int, centroids: int) -> Any:
    return numpy.arange(parts) * centroids


@functools.cache
def _install() -> None:
    """`Conv1d.__call__` and `NavecEmbedding.__call__` replaced, once per process, by ones that use
    :func:`convolve` and :func:`embed` inside :func:`fast_convolutions` (in that thread), slovnet's own code
    elsewhere."""
    from slovnet.exec.model import Conv1d, NavecEmbedding

    for cls, fast in ((Conv1d, convolve), (NavecEmbedding, embed)):
        cls.__call__ = _dispatch(cls.__call__, fast)


def _dispatch(own: Any, fast: Any) -> Any:
    def call(self: Any, input: Any) -> Any:
        return fast(self, input) if getattr(_ON, "depth", 0) else own(self, input)

    return call


@contextlib.contextmanager
def fast_convolutions() -> Iterator[None]:
    """slovnet's convolutions and embeddings computed by :func:`convolve` and :func:`embed` inside the block
    (this thread only)."""
    _install()
    _ON.depth = getattr(_ON, "depth", 0) + 1
    try:
        yield
    finally:
        _ON.depth -= 1
