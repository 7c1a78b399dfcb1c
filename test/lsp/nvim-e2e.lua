-- Drives neovim 0.7's built-in LSP client against keepalived-language-server:
-- open a file, wait for diagnostics, ask for hover and definition, and write
-- everything to $KL_OUT as JSON. Every wait has a timeout, and a watchdog
-- writes what it has and quits if anything hangs.
local out_path = vim.env.KL_OUT
local result = { diagnostics = {}, errors = {} }

local function finish()
  local f = io.open(out_path, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

vim.defer_fn(function()
  table.insert(result.errors, "watchdog: timed out")
  finish()
end, tonumber(vim.env.KL_TIMEOUT_MS or "40000"))

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.KL_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  result.uri = uri
  local client_id = vim.lsp.start_client({
    name = "keepalived",
    cmd = { vim.env.KL_NODE or "node", vim.env.KL_SERVER, "--stdio" },
    root_dir = vim.fn.fnamemodify(vim.env.KL_FILE, ":h"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, res, ctx, config)
        if res and res.uri == uri then result.diagnostics = res.diagnostics end
        return vim.lsp.diagnostic.on_publish_diagnostics(e, res, ctx, config)
      end,
    },
  })
  assert(client_id, "start_client failed")
  assert(vim.lsp.buf_attach_client(bufnr, client_id), "buf_attach_client failed")
  if not vim.wait(20000, function() return #result.diagnostics > 0 end, 50) then
    table.insert(result.errors, "no diagnostics within 20 s")
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local line = tonumber(vim.env.KL_LINE)
  local character = tonumber(vim.env.KL_CHARACTER)
  local params = { textDocument = { uri = uri }, position = { line = line, character = character } }
  local hover, herr = client.request_sync("textDocument/hover", params, 10000, bufnr)
  if hover then result.hover = hover.result else table.insert(result.errors, "hover: " .. tostring(herr)) end
  local def, derr = client.request_sync("textDocument/definition", params, 10000, bufnr)
  if def then result.definition = def.result else table.insert(result.errors, "definition: " .. tostring(derr)) end
  -- Diagnostics as neovim stores them, to show the client accepted the published ones.
  result.stored = #vim.diagnostic.get(bufnr)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
