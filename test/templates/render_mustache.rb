# Renders a Mustache template with the mustache gem (Debian ruby-mustache).
# Usage: ruby render_mustache.rb TEMPLATE VALUES.json > out
require "json"
require "mustache"

Mustache.raise_on_context_miss = true
print Mustache.render(File.read(ARGV[0]), JSON.parse(File.read(ARGV[1])))
