"""Quy định: the rules the application applies on a chosen date, read-only, each with its source.

The list on the left holds the general rules, every title and form of commendation of the rule set in force
on the date, the cancellation of awards, the statistical reporting regime and the legal texts; the page on
the right shows the chosen item: who decides, the criteria, the council vote, the money (coefficient × base
salary, rounded up) and the dossier, each followed by its citation (document, article, clause, point). What
could not be checked against a text is marked and its note shown: the person decides it. The data is
:func:`tdkt_desktop.core.overview.rules_overview`, read in the background; ``tdkt rules show`` prints the same.
"""

from __future__ import annotations

import datetime as _dt
import html
from typing import Any

from tdkt_desktop.core.text import format_date, format_money, format_number
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.office_view.common import date_edit, date_of
from tdkt_desktop.gui.qt import Qt, QtCore, QtWidgets
from tdkt_desktop.gui.widgets import heading, hint

Row = dict[str, Any]
GENERAL, CANCELLATION, STATISTICS, DOCUMENTS = "@general", "@cancellation", "@statistics", "@documents"
_WARN = palette.colour("warn")


def _e(text: Any) -> str:
    return html.escape(str(text or ""))


def _tag(tag: str, text: str) -> str:
    return f"<{tag}>{_e(text)}</{tag}>"


def _warn(text: str) -> str:
    return f' <span style="color:{_WARN}">{_e(text)}</span>'


class RulesView(QtWidgets.QWidget):
    """The Quy định screen. ``show_date(day)`` reads the rules of ``day``; ``select(key)`` shows an item
    (a title code, or ``@general``, ``@cancellation``, ``@statistics``, ``@documents``)."""

    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("rulesSection")
        self.ctx = ctx
        self.data: Row | None = None
        self._wanted: _dt.date | None = None
        lay = QtWidgets.QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Regulations"), self))
        bar = QtWidgets.QHBoxLayout()
        bar.addWidget(QtWidgets.QLabel(self.tr("Rules in force on:"), self))
        self.date = date_edit(self)
        self.date.setObjectName("rulesDate")
        bar.addWidget(self.date)
        self.today = QtWidgets.QPushButton(self.tr("Today"), self)
        bar.addWidget(self.today)
        self.ruleset = QtWidgets.QLabel(self)
        self.ruleset.setObjectName("rulesetLabel")
        self.ruleset.setWordWrap(True)
        bar.addWidget(self.ruleset, 1)
        lay.addLayout(bar)
        lay.addWidget(hint(self.tr(
            "Read-only. Each rule is followed by its source; a rule marked ⚠ could not be checked against the text "
            "and is left to the person deciding."), self))
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        self.items = QtWidgets.QListWidget(split)
        self.items.setObjectName("rulesItems")
        self.items.setMinimumWidth(300)
        self.page = QtWidgets.QTextBrowser(split)
        self.page.setObjectName("rulesPage")
        self.page.setOpenExternalLinks(True)
        split.addWidget(self.items)
        split.addWidget(self.page)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 760])
        lay.addWidget(split, 1)
        self.date.dateChanged.connect(lambda _d: self.show_date(date_of(self.date)))
        self.today.clicked.connect(self._today)
        self.items.currentItemChanged.connect(lambda cur, _prev: self._render(cur.data(Qt.ItemDataRole.UserRole) if cur else None))
        self.show_date(date_of(self.date))

    # ------------------------------------------------------------------ reading

    def _today(self) -> None:
        d = _dt.date.today()
        self.date.setDate(QtCore.QDate(d.year, d.month, d.day))

    def show_date(self, day: _dt.date) -> None:
        self._wanted = day

        def read(store: Any, _progress: Any) -> Row:
            from tdkt_desktop.core.legal import legal_documents
            from tdkt_desktop.core.overview import rules_overview

            unit = store.self_unit()
            data = rules_overview(day, province_code=unit.get("province_code") if unit else None)
            data["all_documents"] = [{**d.to_dict(), "period": d.period_label} for d in legal_documents().values()]
            return data

        self.ctx.jobs.run(read, done=lambda data: self._loaded(day, data), title=self.tr("Reading the regulations"),
                          parent=self)

    def _loaded(self, day: _dt.date, data: Row) -> None:
        if day != self._wanted:  # a later date was asked meanwhile
            return
        keep = self.current_key()
        self.data = data
        rs = data["ruleset"]
        self.ruleset.setText(self.tr("Rule set: %1").replace("%1", rs["describe"]))
        self.items.blockSignals(True)
        self.items.clear()
        self._add(self.tr("General rules and base salary"), GENERAL)
        for entry in data["titles"]:
            self._add(entry["name"], entry["code"], tip=entry["kind_label"])
        self._add(self.tr("Cancelling an award"), CANCELLATION)
        self._add(self.tr("Statistical reports"), STATISTICS)
        self._add(self.tr("Legal texts"), DOCUMENTS)
        self.items.blockSignals(False)
        self.select(keep if keep and self._row_of(keep) is not None else GENERAL)

    def _add(self, text: str, key: str, tip: str = "") -> None:
        item = QtWidgets.QListWidgetItem(text, self.items)
        item.setData(Qt.ItemDataRole.UserRole, key)
        if tip:
            item.setToolTip(tip)

    def _row_of(self, key: str) -> int | None:
        for i in range(self.items.count()):
            if self.items.item(i).data(Qt.ItemDataRole.UserRole) == key:
                return i
        return None

    def current_key(self) -> str | None:
        item = self.items.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def select(self, key: str) -> bool:
        row = self._row_of(key)
        if row is None:
            return False
        self.items.setCurrentRow(row)
        self._render(key)
        return True

    def page_text(self) -> str:
        return self.page.toPlainText()

    # ------------------------------------------------------------------ layout

    def _cite(self, source: Row | None) -> str:
        if not source:
            return _warn("— ⚠ " + self.tr("no source recorded"))
        text = f' <span style="color:#555">— {_e(source["text"])}</span>'
        if source.get("status") == "article_unverified":
            text += _warn("⚠ " + self.tr("article not checked"))
        elif source.get("status") == "not_found":
            text += _warn("⚠ " + self.tr("text not found"))
        if source.get("status") != "confirmed" and source.get("note"):
            text += f'<br/><span style="color:{_WARN}">{_e(source["note"])}</span>'
        return text

    def _line(self, text: str, source: Row | None) -> str:
        return f"<li>{_e(text)}{self._cite(source)}</li>"

    def _render(self, key: str | None) -> None:
        data = self.data
        if data is None or key is None:
            self.page.setHtml("")
            return
        if key == GENERAL:
            body = self._general(data)
        elif key == CANCELLATION:
            body = self._cancellation(data["cancellation"])
        elif key == STATISTICS:
            body = self._statistics(data["statistics"])
        elif key == DOCUMENTS:
            body = self._documents(data["all_documents"])
        else:
            entry = next((e for e in data["titles"] if e["code"] == key), None)
            body = self._title(entry, data) if entry else ""
        self.page.setHtml(body)

    def _general(self, data: Row) -> str:
        rs, salary = data["ruleset"], data["base_salary"]
        parts = [f"<h3>{_e(rs['describe'])}</h3>", f"<p>{_e(rs['law'])}</p>"]
        parts += [f'<p style="color:{_WARN}">⚠ {_e(n)}</p>' for n in rs["notes"]]
        parts.append(_tag("h4", self.tr("Base salary and money")) + "<ul>")
        parts.append(self._line(
            self.tr("Base salary: %1 a month from %2").replace("%1", format_money(salary["amount"]))
            .replace("%2", format_date(salary["from"])), salary["source"]))
        rounding = self.tr("Awards are rounded up to the next %1").replace("%1", format_money(data["rounding_step"]))
        parts.append(_tag("li", rounding))
        labels = {"rounding": self.tr("Rounding"), "base_salary_date": self.tr("Base salary of which date"),
                  "household_factor": self.tr("Households"), "same_period": self.tr("Several awards at once")}
        for key, source in data["money_rules"].items():
            parts.append(self._line(labels.get(key, key), source))
        parts.append("</ul>")
        parts.append(_tag("h4", self.tr("Which rules apply")) + "<ul>")
        parts.append(self._line(data["transition"]["label"], data["transition"]["source"]))
        parts.append(self._line(data["vote"]["label"], data["vote"]["source"]))
        if data["non_grounds"]["kinds"]:
            parts.append(self._line(
                self.tr("Not a ground for later awards: %1").replace("%1", ", ".join(data["non_grounds"]["kinds"]).lower()),
                data["non_grounds"]["source"]))
        if data["dossier_note"]:
            parts.append(self._line(data["dossier_note"], data["dossier_note_source"]))
        parts.append("</ul>")
        parts.append(_tag("h4", self.tr("Legal bases quoted in decisions")) + "<ul>")
        parts += [self._line(b["text"], b["source"]) for b in data["decision_bases"]]
        parts.append("</ul>")
        return "".join(parts)

    def _title(self, entry: Row, data: Row) -> str:
        parts = [f"<h3>{_e(entry['name'])}</h3>",
                 f"<p>{_e(entry['kind_label'])} · {_e(entry['level_label'])}{self._cite(entry['source'])}</p>",
                 _tag("p", self.tr("For: %1").replace("%1", ", ".join(entry["subjects"]))
                      + " · " + ", ".join(entry["award_kinds"]))]
        who = entry["decided_by"] + (f" ({entry['decision_note']})" if entry["decision_note"] else "")
        parts.append(_tag("h4", self.tr("Who decides")) + "<ul>" + self._line(who, entry["authority_source"]) + "</ul>")
        parts.append(_tag("h4", self.tr("Criteria")) + "<ul>")
        for crit in entry["criteria"]:
            if crit["type"] == "vote_share":
                continue
            scope = f" [{crit['applies_to']}]" if crit["applies_to"] else ""
            parts.append(self._line(crit["text"] + scope, crit["source"]))
        parts.append("</ul>")
        vote = entry["vote"]
        parts.append(_tag("h4", self.tr("Council vote")) + "<ul>")
        if not vote["required"]:
            parts.append(_tag("li", self.tr("No vote of the Emulation and Commendation Council is needed.")))
        elif vote["threshold"] is None:
            parts.append(self._line(self.tr("The council votes; the share needed is set by its own rules"), vote["source"]))
        else:
            parts.append(self._line(
                self.tr("At least %1% of all council members agree").replace("%1", format_number(vote["threshold"])),
                vote["source"]))
        parts.append("</ul>")
        parts.append(_tag("h4", self.tr("Money")) + "<ul>")
        salary = format_money(data["base_salary"]["amount"])
        for m in entry["money"]:
            if m["manual"]:
                what = self.tr("entered by hand from the text (coefficient not checked)")
            elif m["amount"] is not None:
                what = (self.tr("%1 × base salary %2 = %3").replace("%1", format_number(m["coefficient"]))
                        .replace("%2", salary).replace("%3", format_money(m["amount"])))
            else:
                what = self.tr("no money")
            parts.append(self._line(f"{m['subject_label']}: {what}", m["source"]))
        parts.append("</ul>")
        if entry["dossier"]:
            parts.append(_tag("h4", self.tr("Dossier")) + "<ul>")
            for item in entry["dossier"]:
                scope = "; ".join(x for x in (", ".join(item["subjects"]), ", ".join(item["award_kinds"])) if x)
                optional = "" if item["required"] else " (" + self.tr("if any") + ")"
                parts.append(self._line(item["label"] + optional + (f" [{scope.lower()}]" if scope else ""), item["source"]))
            parts.append("</ul>")
        return "".join(parts)

    def _cancellation(self, cancel: Row) -> str:
        parts = [_tag("h3", self.tr("Cancelling an award")) + "<ul>",
                 self._line(cancel["effect"], cancel["source"]),
                 self._line(self.tr("Who cancels: %1").replace("%1", cancel["authority"]), cancel["authority_source"]),
                 "</ul>", _tag("h4", self.tr("Grounds")) + "<ul>"]
        parts += [self._line(f"{g['code']}) {g['label']}", g["source"]) for g in cancel["grounds"]]
        parts.append("</ul>")
        return "".join(parts)

    def _statistics(self, stats: Row) -> str:
        window = f"{format_date(stats['start'])} – {format_date(stats['end'])}"
        parts = [_tag("h3", self.tr("Statistical year %1").replace("%1", str(stats["year"]))) + "<ul>",
                 self._line(f"{stats['label']} ({window})", stats["source"]), "</ul>",
                 _tag("h4", self.tr("Forms")) + "<ul>"]
        for f in stats["forms"]:
            title = f["title"] or self.tr("(title not read)")
            made = "" if f["produced"] else " — " + self.tr("not produced by the application")
            line = self._line(f"{f['code']}: {title}{made}", f["source"])
            if f["note"]:
                line = line.removesuffix("</li>") + f"<br/>{_e(f['note'])}</li>"
            parts.append(line)
        parts.append("</ul>")
        parts += [f'<p style="color:{_WARN}">⚠ {_e(n)}</p>' for n in stats["notes"]]
        return "".join(parts)

    def _documents(self, documents: list[Row]) -> str:
        parts = [_tag("h3", self.tr("Legal texts the rules rely on"))]
        for doc in documents:
            parts.append(f"<h4>{_e(doc['title'])}</h4><p>{_e(doc['period'])}</p><ul>")
            parts += [f"<li>{_e(t)}</li>" for t in doc["taken"]]
            parts += [f'<li style="color:{_WARN}">⚠ {_e(t)}</li>' for t in doc["not_verified"]]
            parts.append("</ul>")
        return "".join(parts)
