"""The upper office's screens (Tổng hợp cấp trên): appraisal, decisions, consolidation, reports and Excel.

Pages are built by :func:`tdkt_desktop.gui.office_view.page.make_office_page`; the reusable Excel export
helper lives in :mod:`tdkt_desktop.gui.office_view.excel_actions` and the import wizard in
:mod:`tdkt_desktop.gui.office_view.import_wizard`.
"""
