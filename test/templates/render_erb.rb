# Renders an ERB template (trim mode "-", as Chef and Puppet use it) with the
# JSON values as instance variables (@name) and locals.
# Usage: ruby render_erb.rb TEMPLATE VALUES.json > out
require "erb"
require "json"

values = JSON.parse(File.read(ARGV[1]))
scope = Object.new
values.each { |k, v| scope.instance_variable_set("@#{k}", v) }
b = scope.instance_eval { binding }
values.each { |k, v| b.local_variable_set(k, v) }
print ERB.new(File.read(ARGV[0]), trim_mode: "-").result(b)
