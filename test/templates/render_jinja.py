"""Renders a Jinja2 template as Ansible does: trim_blocks on, and the options
of a first line `#jinja2: lstrip_blocks: True, trim_blocks: False` applied.
Usage: render_jinja.py TEMPLATE VALUES.json > out"""
import json
import sys

import jinja2

src = open(sys.argv[1]).read()
values = json.load(open(sys.argv[2]))
options = {"trim_blocks": True, "keep_trailing_newline": True, "undefined": jinja2.StrictUndefined}
if src.startswith("#jinja2:"):
    header, src = src.split("\n", 1)
    for item in header[len("#jinja2:"):].split(","):
        key, value = (s.strip() for s in item.split(":"))
        options[key] = value == "True"
sys.stdout.write(jinja2.Environment(**options).from_string(src).render(values))
