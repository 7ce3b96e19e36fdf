-- An entry pool (codes printed on packs, typed in to play) warns only when none is left: its threshold is 0 (the
-- threshold route's rule). Pool creation gave any pool the default 20 and the demo seed a tenth of its codes, so
-- entry pools made before this warned early and the office promised a warning the brand could not change.
UPDATE `promo_code_pools` SET `low_stock_threshold` = 0 WHERE `purpose` = 'entry' AND `low_stock_threshold` <> 0;
