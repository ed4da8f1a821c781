"""What participant materials must never show: each module's facilitator-block sentences and its quiz answers."""

from __future__ import annotations

import re
import textwrap

from smartschool.curriculum import Lesson

BLOCK = re.compile(r"^(?P<indent> *)(?:!!!|\?\?\?\+?)\s+(?P<kind>fasilitator|perlindungan)\b.*$")
MARKUP = re.compile(r"\*\*|\*|`|_(?=\w)|(?<=\w)_|\[([^\]]*)\]\([^)]*\)")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
# True/false answers are single words every text uses; they are checked through the explanations instead.
COMMON_ANSWERS = {"benar", "salah", "ya", "tidak"}


def normalised(text: str) -> str:
    """Text as compared: a hyphen at a line end joined, whitespace collapsed, quotes straightened."""
    text = re.sub(r"-\s*\n\s*", "-", text)
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def facilitator_blocks(body: str) -> list[str]:
    """The text of every `!!! fasilitator` / `!!! perlindungan` block of a module body (any indentation)."""
    lines, blocks, i = body.splitlines(), [], 0
    while i < len(lines):
        found = BLOCK.match(lines[i])
        if not found:
            i += 1
            continue
        indent, j = len(found["indent"]), i + 1
        while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) >= indent + 4):
            j += 1
        blocks.append(textwrap.dedent("\n".join(lines[i + 1 : j])))
        i = j
    return blocks


def facilitator_sentences(lesson: Lesson, min_words: int = 5) -> list[str]:
    """Sentences of the module's facilitator blocks, Markdown markup removed, of at least `min_words` words."""
    sentences = []
    for block in facilitator_blocks(lesson.body):
        plain = MARKUP.sub(lambda m: m.group(1) or "", re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", block, flags=re.MULTILINE))
        for sentence in SENTENCE_END.split(normalised(plain)):
            if len(sentence.split()) >= min_words:
                sentences.append(sentence)
    return sentences


def quiz_answers(lesson: Lesson) -> list[str]:
    """The module's quiz answers and explanations, once the `quiz` field exists. An answer of a few words ("Benar",
    "Polri 110") is everyday text that a help box or a card may hold: it is checked through its explanation."""
    found = []
    for item in getattr(lesson.module, "quiz", None) or []:
        if item.answer.strip().lower() not in COMMON_ANSWERS and len(item.answer.split()) >= 4:
            found.append(normalised(item.answer))
        found.append(normalised(item.explanation))
    return found


def quiz_explanations(lesson: Lesson) -> list[str]:
    return [normalised(item.explanation) for item in getattr(lesson.module, "quiz", None) or []]


def participant_fields(lesson: Lesson) -> str:
    """What the module gives participants anyway (summary, key messages, take-home points, case cards): a
    facilitator sentence or an explanation that repeats one of these is not a leak."""
    from smartschool.participant import case_cards

    module = lesson.module
    parts = [module.title, module.summary, *module.key_messages, *module.take_home]
    parts += [MARKUP.sub(lambda m: m.group(1) or "", card.markdown) for card in case_cards(lesson.body)]
    return normalised(" ".join(parts))


def forbidden_in_participant_text(lesson: Lesson, *, answers: bool = True) -> list[str]:
    """Facilitator-block sentences, quiz explanations and (if `answers`) quiz answers of the module that do not
    also appear in its participant fields."""
    allowed = participant_fields(lesson)
    found = facilitator_sentences(lesson) + (quiz_answers(lesson) if answers else quiz_explanations(lesson))
    return [text for text in found if text not in allowed]
