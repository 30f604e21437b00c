## La page « Adhérer au Pacte »
