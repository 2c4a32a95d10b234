title: hlm demo --help exits 0 (switches on when the demo generator lands)
source: spec cli.md: "--help on every command".
requires: demo
$ demo --help
? 0
> Usage
