from navsync_desktop.cli import main

raise SystemExit(main())
