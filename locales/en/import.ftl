## The signatories' CSV import: files as people have them, the preview's table, the template.
import-upload-hint = A CSV file as a spreadsheet saves it (Excel, LibreOffice): fields separated by commas or semicolons, in UTF-8 or Windows-1252, 2 MB at most. Its first line names the columns, in English or French: { $required } are needed; { $optional } may follow. Dates are written YYYY-MM-DD or DD/MM/YYYY (day first); a country by its code (FR) or its name; the kind city or region. Nothing is written before you have seen the preview and applied it.
import-template = Download a template to fill in (CSV, English columns)
import-template-file-name = signatories-template.csv
import-template-example-name = Exampleton (example: replace this line)
import-read-as-utf-8 = Read as UTF-8.
import-read-as-windows-1252 = Read as Windows-1252 (Excel).
import-separated-by = Fields separated by { $separator }.
import-separator-comma = commas
import-separator-semicolon = semicolons
import-separator-tab = tabs
import-kept-columns = The file has no column { $columns }: those fields of the signatories already on the site stay as they are.
import-table-caption = Every line of the file, with the value it replaces where it changes one
import-column-signatory = Signatory
import-column-line = Line
import-column-status = What happens
import-status-added = New
import-status-updated = Updated
import-status-unchanged = Unchanged
import-before = before:
import-after = after:
import-more-lines = { $count ->
        [one] … and { $count-text } more line, not shown here, applied with the others.
       *[other] … and { $count-text } more lines, not shown here, applied with the others.
    }
import-problem-field = column “{ $column }”: { $message }
import-problem-country = column “{ $column }”: the country “{ $value }” is not a member or observer state of the Council of Europe. Write its code (such as FR) or its name in French or English.
import-problem-kind = column “{ $column }”: “{ $value }” is neither city nor region (ville or région in French).
import-problem-date = column “{ $column }”: “{ $value }” is not a date. Write it YYYY-MM-DD (2026-03-02) or DD/MM/YYYY, day first (02/03/2026).
import-problem-field-count = { $found ->
        [one] this line has one field
       *[other] this line has { $found-text } fields
    } where the first line has { $expected-text }. The file was read as separated by { $separator }: if that is not its separator, or a field holding one is not between quotes, save the file again from your spreadsheet as CSV.
