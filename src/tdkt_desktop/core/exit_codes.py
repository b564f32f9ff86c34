"""The one exit-code table of the command line (README, ``tdkt --help``).

It lives below every layer because a result decides its own code: an import report
(:attr:`tdkt_desktop.sync.report.ImportReport.exit_code`) says whether it merged cleanly, refused something
or needs attention, and ``tdkt`` exits with that code."""

EXIT_OK = 0  # done
EXIT_REFUSED = 1  # refused, or bad input (what could be done was done: see the report)
EXIT_USAGE = 2  # wrong command-line usage
EXIT_ATTENTION = 3  # done, with items needing attention (conflicts, held bundles, rows pending)
EXIT_INTERRUPTED = 130  # stopped with Ctrl+C
EXIT_BUG = 70  # unexpected failure; the bug log's path is printed

EXIT_CODES_TEXT = (
    "Mã thoát: 0 xong; 1 bị từ chối hoặc dữ liệu sai; 2 sai cú pháp lệnh; 3 xong nhưng có mục cần xử lý "
    "(xung đột, gói hoặc bản ghi chờ); 70 lỗi ngoài dự kiến (đường dẫn tệp nhật ký lỗi được in ra)."
)
