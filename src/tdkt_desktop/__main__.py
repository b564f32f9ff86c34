from tdkt_desktop.cli import main

raise SystemExit(main())
