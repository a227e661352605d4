"""Writes a word-level Hugging Face tokenizer to a folder, offline.

GuideLLM and AIPerf need a tokenizer to build synthetic prompts and count tokens; by default they
download the model's from the Hugging Face hub, which this machine cannot reach. The simulator
counts one token per whitespace-separated word, so a word-level tokenizer with the same rule makes
every tool's token counts agree with the server's.
"""

import sys

from tokenizers import Tokenizer, decoders, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have "
    "an had they you were their one all we can her has there been if more when will would who so no model "
    "token server latency batch queue stream engine prompt cache kernel memory request decode prefill"
).split()


def main(folder: str) -> None:
    vocab = {"[UNK]": 0, "[EOS]": 1}
    for word in WORDS:
        vocab.setdefault(word, len(vocab))
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    core.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    core.decoder = decoders.WordPiece(prefix="##", cleanup=False)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, unk_token="[UNK]", eos_token="[EOS]")
    tokenizer.model_max_length = 1_000_000
    tokenizer.save_pretrained(folder)


if __name__ == "__main__":
    main(sys.argv[1])
