"""Hủy bỏ khen thưởng: the dialog that issues a cancelling decision for awards of one decision
(Luật Thi đua, khen thưởng 2022, Điều 93). The work is :func:`tdkt_desktop.store.cancellations.cancel_awards`,
run in the background; only the unit that issued the award decision may cancel it (refused otherwise, with
the message of the store)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core.text import format_date, format_money
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.office_view.common import date_edit, date_of
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.widgets import fit_to_screen

Row = dict[str, Any]


def read_cancellation_context(store: Any, awardee_ids: list[str]) -> Row:
    """What the dialog shows: the awards chosen, their decision, the money to recover and the law's grounds."""
    from tdkt_desktop.core.legal import cancellation_rules
    from tdkt_desktop.store.cancellations import cancellations_of_decision

    awardees = [store.require("decision_awardees", a) for a in awardee_ids]
    decision = store.require("decisions", awardees[0]["decision_id"]) if awardees else {}
    cancelled = cancellations_of_decision(store, decision["id"]) if decision else {}
    rules = cancellation_rules(max(_dt.date.today(), _dt.date.fromisoformat(decision["decision_date"][:10])))
    return {
        "awardees": awardees,
        "decision": decision,
        "issuer": decision.get("issuer_unit") or decision.get("owner_unit"),
        "already": [a["subject_name"] for a in awardees if a["id"] in cancelled],
        "one_decision": len({a["decision_id"] for a in awardees}) == 1,
        "total": sum(int(a.get("amount") or 0) for a in awardees),
        "grounds": [(g.code, g.label, g.source.text) for g in rules.grounds],
        "authority": f"{rules.authority_label} ({rules.authority_source.full_text})",
    }


class CancelAwardsDialog(QtWidgets.QDialog):
    """Fill the cancelling decision; ``issue(confirmed=True)`` writes it (tests), ``cancellation_ids`` then
    holds the rows written."""

    def __init__(self, ctx: Any, awardee_ids: list[str], parent: QtWidgets.QWidget | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("cancelAwardsDialog")
        self.setWindowTitle(self.tr("Cancel awards"))
        self.ctx = ctx
        self.awardee_ids = list(awardee_ids)
        self.info: Row | None = None
        self.cancellation_ids: list[str] = []
        lay = QtWidgets.QVBoxLayout(self)
        self.summary = QtWidgets.QLabel(self)
        self.summary.setObjectName("cancelSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        form = QtWidgets.QFormLayout()
        self.date = date_edit(self)
        form.addRow(self.tr("Date of the cancelling decision"), self.date)
        self.ground = QtWidgets.QComboBox(self)
        self.ground.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ground.setMinimumContentsLength(50)
        form.addRow(self.tr("Ground (Law, Article 93, clause 2)"), self.ground)
        self.reason = QtWidgets.QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("What happened: the act, conclusion or judgment the cancellation rests on"))
        self.reason.setMaximumHeight(90)
        form.addRow(self.tr("Reason"), self.reason)
        self.signer = QtWidgets.QLineEdit(self)
        form.addRow(self.tr("Signer"), self.signer)
        self.signer_title = QtWidgets.QLineEdit(self)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        lay.addLayout(form)
        self.authority = QtWidgets.QLabel(self)
        self.authority.setWordWrap(True)
        self.authority.setObjectName("hint")
        lay.addWidget(self.authority)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Issue the cancelling decision"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.ok.setEnabled(False)
        self.ok.clicked.connect(lambda: self.issue())
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        fit_to_screen(self, 720, 460)
        ids = self.awardee_ids
        ctx.jobs.run(lambda store, _p: read_cancellation_context(store, ids), done=self._loaded, parent=self)

    def _loaded(self, info: Row) -> None:
        self.info = info
        decision = info["decision"]
        code = "/".join(p for p in (decision.get("number"), decision.get("doc_code")) if p)
        lines = [
            self.tr("Decision No. %1 dated %2 — awards to cancel:").replace("%1", code)
            .replace("%2", format_date(decision.get("decision_date"))),
        ]
        lines += [f"• {a['subject_name']} — {format_money(a.get('amount') or 0)}" for a in info["awardees"]]
        lines.append(self.tr("Money to recover: %1").replace("%1", format_money(info["total"])))
        self.summary.setText("\n".join(lines))
        self.ground.clear()
        for code_, label, source in info["grounds"]:
            self.ground.addItem(f"{code_}) {label}", code_)
            self.ground.setItemData(self.ground.count() - 1, source, Qt.ItemDataRole.ToolTipRole)
        self.authority.setText(self.tr("Who may cancel: %1").replace("%1", info["authority"]))
        self.signer.setText(decision.get("signer") or "")
        self.signer_title.setText(decision.get("signer_title") or "")
        problem = ""
        if not info["one_decision"]:
            problem = self.tr("Choose awards of one decision only.")
        elif info["already"]:
            problem = self.tr("Already cancelled: %1").replace("%1", ", ".join(info["already"]))
        elif info["issuer"] != self.ctx.unit_code:
            problem = self.tr("Only the unit that issued this decision (%1) may cancel it; ask it to.").replace(
                "%1", str(info["issuer"]))
        if problem:
            self.authority.setText(f"{problem}\n{self.authority.text()}")
        self.ok.setEnabled(not problem)

    def issue(self, *, confirmed: bool = False) -> None:
        if self.info is None:
            return
        day = date_of(self.date)
        ground = str(self.ground.currentData() or "")
        reason, signer, title = self.reason.toPlainText().strip(), self.signer.text().strip(), self.signer_title.text().strip()
        names = ", ".join(a["subject_name"] for a in self.info["awardees"])
        question = (self.tr("Cancel the awards of %1 on ground %2) and recover %3? The cancelling decision takes the "
                            "next number of the register.")
                    .replace("%1", names).replace("%2", ground).replace("%3", format_money(self.info["total"])))
        if not confirmed and not dialogs.confirm(self, self.tr("Cancel awards"), question):
            return
        ids = self.awardee_ids

        def work(store: Any, _p: Any) -> list[str]:
            from tdkt_desktop.store.cancellations import cancel_awards

            rows = cancel_awards(store, ids, cancel_date=day, ground=ground, reason=reason, signer=signer,
                                 signer_title=title)
            return [r["id"] for r in rows]

        self.ctx.jobs.run(work, done=self._done,
                          title=self.tr("Cancelling awards"), parent=self)

    def _done(self, ids: list[str]) -> None:
        self.cancellation_ids = ids
        dialogs.inform(self, self.tr("Cancel awards"), self.tr(
            "The cancelling decision is recorded. Print it from the Printing section (Decision cancelling awards)."))
        self.accept()
